/**
 * The demo was written on 25 Nov 2026, with releases, due dates, needed-by and committed-by dates around it.
 * Seeded later, every one of its dates moves forward by the days since, so the demo tells the same story on
 * any day: the app refuses a new date already past, and counts a dependency past its needed-by as overdue.
 */
const WRITTEN_ON = Date.UTC(2026, 10, 25);
const DAY_MS = 86_400_000;

/** `iso` (yyyy-mm-dd) as of a seed on `today`: unchanged on or before the day the demo was written. */
export function demoDate(iso: string, today: Date = new Date()): string {
  const days = Math.max(0, Math.floor((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - WRITTEN_ON) / DAY_MS));
  if (days === 0) return iso;
  const moved = new Date(`${iso}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}
