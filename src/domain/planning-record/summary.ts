import type { Integrity } from './authority';
import type { PlanningRecord, SpecStatus } from './model';

/**
 * The compact, JQL-indexed summary of a planning record (the `planningSpecStatus`, `estimateConfidence`
 * and `planningRecordRev` aliases). Written only by the app, from the effective record, so that JQL never
 * counts an approval the app cannot verify; a summary written by anyone else is repaired by the app's
 * trigger on `avi:jira:set:issue-property`.
 */
export interface PlanningSummary {
  rev: number;
  specStatus: SpecStatus;
  /** Absent when there is no estimate, so `estimateConfidence is EMPTY` finds the unestimated. */
  estimateConfidence?: number;
  /** 1 when the record was changed outside the app, else 0 (0, not nothing, so JQL finds the clean ones). */
  changedOutsideApp: 0 | 1;
}

/**
 * @example
 * summarize(effective, { changedOutsideApp: false, approvalUnverified: false })
 * // => { rev: 3, specStatus: 'APPROVED', estimateConfidence: 4, changedOutsideApp: 0 }
 */
export function summarize(effective: PlanningRecord, integrity: Integrity): PlanningSummary {
  return {
    rev: effective.rev,
    specStatus: effective.spec.status,
    ...(effective.estimate ? { estimateConfidence: effective.estimate.confidence } : {}),
    changedOutsideApp: integrity.changedOutsideApp ? 1 : 0,
  };
}

export function sameSummary(a: PlanningSummary | null, b: PlanningSummary): boolean {
  return a !== null && a.rev === b.rev && a.specStatus === b.specStatus && a.estimateConfidence === b.estimateConfidence && a.changedOutsideApp === b.changedOutsideApp;
}
