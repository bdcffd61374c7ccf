const DAY_MS = 86_400_000;

/**
 * Whole working days (Monday to Friday, UTC) from `from` to `to`: a day counts once it has fully passed,
 * so an impediment raised on Friday afternoon is 1 working day old on Monday afternoon.
 *
 * @example
 * workingDaysBetween(new Date('2026-11-20T15:00Z'), new Date('2026-11-23T16:00Z')) // => 1 (Fri -> Mon)
 */
export function workingDaysBetween(from: Date, to: Date): number {
  let days = 0;
  for (let t = from.getTime() + DAY_MS; t <= to.getTime(); t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days += 1;
  }
  return days;
}

/** An open impediment older than the SLA (in working days) has breached it. */
export const breachesSla = (raisedAt: string, now: Date, slaWorkingDays: number): boolean => workingDaysBetween(new Date(raisedAt), now) > slaWorkingDays;

/** The UTC day, for "once a day" bookkeeping. */
export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);
