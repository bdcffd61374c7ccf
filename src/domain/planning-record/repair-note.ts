import type { Integrity } from './authority';
import { HISTORY_LIMIT, type PlanningRecord } from './model';

/**
 * Records in the history that a change repaired a record changed outside the app: the newest entry (the
 * change just made) says so, and whether an unverified approval was dropped.
 *
 * @example
 * noteRepair(next, { changedOutsideApp: true, approvalUnverified: true }).history[0].what
 * // => 'Edited "Context and problem" (the record had been changed outside the app; its unverified approval was not kept)'
 */
export function noteRepair(next: PlanningRecord, integrity: Integrity): PlanningRecord {
  if (!integrity.changedOutsideApp && !integrity.approvalUnverified) return next;
  const [latest, ...rest] = next.history;
  if (!latest) return next;
  const note = integrity.approvalUnverified
    ? 'the record had been changed outside the app; its unverified approval was not kept'
    : 'the record had been changed outside the app';
  return { ...next, history: [{ ...latest, what: `${latest.what} (${note})` }, ...rest].slice(0, HISTORY_LIMIT) };
}
