import type { DetectionRule } from './rule';

/** One impediment per unresolved issue this work item "is blocked by"; a resolved blocker blocks nothing. */
export const blockedByRule: DetectionRule = {
  cause: 'BLOCKED_BY',
  detect: (facts) =>
    [...new Set(facts.blockers.filter((b) => !b.resolved).map((b) => b.key))].sort().map((key) => ({ cause: 'BLOCKED_BY' as const, detail: key, severity: 'MEDIUM' as const })),
};
