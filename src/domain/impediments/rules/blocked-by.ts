import type { DetectionRule } from './rule';

/**
 * One impediment per unresolved issue a team's work item (a story, bug or sub-task) "is blocked by"; a resolved
 * blocker blocks nothing. Links between epics and features are planned dependencies, which the dependencies
 * feature tracks: they are not escalations.
 */
export const blockedByRule: DetectionRule = {
  cause: 'BLOCKED_BY',
  detect: (facts) =>
    facts.planningItem ? [] : [...new Set(facts.blockers.filter((b) => !b.resolved).map((b) => b.key))].sort().map((key) => ({ cause: 'BLOCKED_BY' as const, detail: key, severity: 'MEDIUM' as const })),
};
