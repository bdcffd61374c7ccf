import type { DetectionRule } from './rule';

/** The work item carries the project's escalation label (`escalated` unless configured); Jira labels are case-sensitive. */
export const escalationLabelRule: DetectionRule = {
  cause: 'LABEL',
  detect: (facts, settings) => (facts.labels.includes(settings.label) ? [{ cause: 'LABEL', detail: settings.label, severity: 'HIGH' }] : []),
};
