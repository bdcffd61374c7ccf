/**
 * A moment in the planning pack, written as the UI writes it ("25 Nov 2026, 18:16"), not as a raw ISO
 * timestamp. The pack is a file shared beyond the reader's own browser, so it is in UTC and says so.
 */
const MOMENT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * @example
 * packMoment('2026-11-25T18:16:59.962Z') // => '25 Nov 2026, 18:16 UTC'
 */
export function packMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${MOMENT.format(date)} UTC`;
}
