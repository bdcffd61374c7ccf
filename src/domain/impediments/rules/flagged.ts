import type { DetectionRule } from './rule';

/** Jira's Flagged field ("Impediment") is set on the work item. */
export const flaggedRule: DetectionRule = {
  cause: 'FLAGGED',
  detect: (facts) => (facts.flagged ? [{ cause: 'FLAGGED', detail: null, severity: 'HIGH' }] : []),
};
