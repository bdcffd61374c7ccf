import type { DetectedCause } from './model';

/**
 * Per-project escalation settings (KVS `settings:escalations:<projectKey>`): which detection rules run, the
 * label that escalates, the SLA in working days, and what the app changes when it raises an impediment.
 */
export interface EscalationSettings {
  rules: Record<DetectedCause, boolean>;
  label: string;
  slaWorkingDays: number;
  /** Comment on the owning item, mentioning its tech lead, when an impediment is raised. */
  commentOnRaise: boolean;
  /**
   * A real field the app changes on the owning item while it has open impediments, for Automation's "Field
   * value changed" trigger: a label, the Flagged field, or nothing.
   */
  fieldSignal: 'NONE' | 'LABEL' | 'FLAG';
  signalLabel: string;
}

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = {
  rules: { FLAGGED: true, PRIORITY_HIGHEST: true, LABEL: true, BLOCKED_BY: true },
  label: 'escalated',
  slaWorkingDays: 2,
  commentOnRaise: true,
  fieldSignal: 'NONE',
  signalLabel: 'has-impediment',
};

/** Jira labels: no spaces, at most 255 characters. */
const LABEL = /^[^\s]{1,255}$/;
export const MAX_SLA_WORKING_DAYS = 30;

/** The first problem of a settings value, in words for the settings page, or null. */
export function escalationSettingsProblem(s: EscalationSettings): string | null {
  if (!LABEL.test(s.label)) return 'Escalation label: one word without spaces, at most 255 characters.';
  if (!LABEL.test(s.signalLabel)) return 'Signal label: one word without spaces, at most 255 characters.';
  if (s.fieldSignal === 'LABEL' && s.signalLabel === s.label) return 'Signal label: use another label than the escalation label, or the signal would escalate again.';
  if (!Number.isInteger(s.slaWorkingDays) || s.slaWorkingDays < 1 || s.slaWorkingDays > MAX_SLA_WORKING_DAYS) return `SLA: a whole number of working days from 1 to ${MAX_SLA_WORKING_DAYS}.`;
  return null;
}
