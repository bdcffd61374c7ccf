/** Calendar arithmetic on ISO dates (yyyy-mm-dd), in whole days, with no clock and no time zone. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date, or null for a missing or malformed one. */
export function dayNumber(iso: string | null): number | null {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / DAY_MS);
}

/** The ISO date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date a node is due: its own due date, else its release's date. */
export function nodeDay(node: { dueDate: string | null; releaseDate: string | null }): number | null {
  return dayNumber(node.dueDate) ?? dayNumber(node.releaseDate);
}
