/** The field rules of dependencies, shared by the domain and the Dependencies tab so both check the same way. */
import { pastDateProblem } from './past-dates';
import type { MilestoneDto as Milestone } from './contract/dependencies';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in yyyy-mm-dd. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Null when a text field is acceptable; otherwise the message the UI shows under the field. The UI runs the
 * same rules before it sends.
 *
 * @example
 * textProblem('Reason', '  ', 500, true) // => 'Reason: enter a reason.'
 */
export function textProblem(label: string, value: string, maxChars: number, required: boolean): string | null {
  if (required && value.trim() === '') return `${label}: enter ${label === 'Reason' ? 'a reason' : 'a value'}.`;
  if (value.length > maxChars) return `${label}: at most ${maxChars.toLocaleString('en')} characters (now ${value.length.toLocaleString('en')}).`;
  return null;
}

/**
 * Null when a needed-by or committed-by milestone is acceptable. A date before `earliest` (see
 * `earliestNewDate` in ./past-dates) is refused, unless it is the date already stored (`kept`): a dependency that became
 * overdue can still have its other fields edited.
 *
 * @example milestoneProblem('Needed by', { date: '2027-02-30', release: null }, '2026-11-24') // => 'Needed by: choose a valid date.'
 */
export function milestoneProblem(label: string, m: Milestone, earliest: string, kept: Milestone | null = null): string | null {
  if (!isIsoDate(m.date)) return `${label}: choose a valid date.`;
  const past = pastDateProblem(label, m.date, earliest, kept?.date ?? null);
  if (past) return past;
  if (m.release !== null && (m.release.trim() === '' || m.release.length > 255)) return `${label}: the release name is not valid.`;
  return null;
}
