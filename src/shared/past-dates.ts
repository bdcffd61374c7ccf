/**
 * The rule for a date a person newly chooses (a dependency's needed-by or committed-by, a risk's response
 * due date): it may not have passed already. Shared by the domain and the panel so both say the same.
 */
import { dayNumber, isoDate, utcDate } from '../domain/dependency-graph/dates';

/**
 * The first day a newly chosen date may be, given the instant now: yesterday in UTC, so that "today" for a
 * user anywhere (UTC-12 to UTC+14) is accepted while a date that has truly passed is not.
 */
export function earliestNewDate(now: Date): string {
  return isoDate(dayNumber(utcDate(now))! - 1);
}

/**
 * Null unless `date` (a valid yyyy-mm-dd) is before `earliest` and is not the date already stored (`kept`):
 * a date that passed after it was set is kept through other edits, and shown as overdue instead.
 *
 * @example pastDateProblem('Needed by', '2001-02-03', '2026-11-24', null) // => 'Needed by: 2001-02-03 has already passed; choose today or a later date.'
 */
export function pastDateProblem(label: string, date: string, earliest: string, kept: string | null): string | null {
  return date < earliest && date !== kept ? `${label}: ${date} has already passed; choose today or a later date.` : null;
}
