/**
 * Escalated impediments, as the app reasons about them. An impediment lives on the owning epic or feature
 * (issue property `planning-readiness-impediments`); its source is the work item that was escalated.
 */

/** What raised it: one of the detection rules, or an explicit escalation (Automation action, web trigger). */
export type ImpedimentCause = 'FLAGGED' | 'PRIORITY_HIGHEST' | 'LABEL' | 'BLOCKED_BY' | 'ESCALATED';
export const DETECTED_CAUSES = ['FLAGGED', 'PRIORITY_HIGHEST', 'LABEL', 'BLOCKED_BY'] as const satisfies readonly ImpedimentCause[];
export type DetectedCause = (typeof DETECTED_CAUSES)[number];

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type ImpedimentStatus = 'OPEN' | 'RESOLVED';

export interface Impediment {
  /** Stable identity: the cause, the source issue and the detail, so the same escalation is never raised twice. */
  id: string;
  cause: ImpedimentCause;
  source: { id: string; key: string };
  /** The blocking issue's key (BLOCKED_BY), the label (LABEL), or the reason given (ESCALATED). */
  detail: string | null;
  /** Who made the change that raised it (null when the app could not tell). */
  raisedBy: string | null;
  raisedAt: string;
  /** Account id of the person who owns its removal: the item's tech lead unless reassigned. */
  owner: string | null;
  severity: Severity;
  status: ImpedimentStatus;
  resolvedAt: string | null;
  /** Scrum of Scrums follow-up. */
  nextStep: string | null;
  discussedAt: string | null;
  /** The last day (yyyy-mm-dd, UTC) the SLA sweep escalated it again, so the sweep runs once a day. */
  reEscalatedOn: string | null;
}

export interface ImpedimentRecord {
  impediments: Impediment[];
}

/** A cause active now on a source issue, as a detection rule sees it. */
export interface ActiveCause {
  cause: DetectedCause;
  detail: string | null;
  severity: Severity;
}

export const openImpediments = (record: ImpedimentRecord): Impediment[] => record.impediments.filter((i) => i.status === 'OPEN');
