import type { DetectionRule } from './rule';

/** The work item's priority is Highest (Jira's top default priority). */
export const HIGHEST_PRIORITY = 'Highest';

export const priorityHighestRule: DetectionRule = {
  cause: 'PRIORITY_HIGHEST',
  detect: (facts) => (facts.priority === HIGHEST_PRIORITY ? [{ cause: 'PRIORITY_HIGHEST', detail: null, severity: 'CRITICAL' }] : []),
};
