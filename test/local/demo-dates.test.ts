import { demoDate } from '../../local/jira/demo-dates';
import { startTestSite } from '../support/local-site';
import { jqlKeys } from '../support/planning-site';

/** The demo's dates move with the day it is seeded, so it tells the same story (and seeds) on any later day. */
it('keeps the written dates up to the day the demo was written, and moves every date by the days since after it', () => {
  expect(demoDate('2026-12-11', new Date('2026-11-01T10:00:00Z'))).toBe('2026-12-11');
  expect(demoDate('2026-12-11', new Date('2026-11-25T23:59:00Z'))).toBe('2026-12-11');
  expect(demoDate('2026-12-11', new Date('2026-11-26T00:00:00Z'))).toBe('2026-12-12');
  // Across a month and a year end, and a leap day: the gap between two demo dates never changes.
  const later = new Date('2028-02-20T08:00:00Z');
  const gap = (a: string, b: string): number => (Date.parse(demoDate(b, later)) - Date.parse(demoDate(a, later))) / 86_400_000;
  expect(gap('2026-12-11', '2027-03-12')).toBe(91);
  expect(demoDate('2026-12-11', later) > later.toISOString().slice(0, 10)).toBe(true);
});

it('seeds the whole demo on a day long after it was written: no demo date is refused as past', async () => {
  // Only Date is moved; timers stay real, so the site runs as usual.
  jest.useFakeTimers({ now: new Date('2027-09-14T09:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
  const warn = jest.spyOn(console, 'warn');
  const site = await startTestSite();
  try {
    // The seed reports a refused call as a warning and stops; none came, and the seeded risks and dependencies are there.
    expect(warn.mock.calls.flat().join('\n')).not.toMatch(/demo seed/);
    expect(await jqlKeys(site, 'riskLevel >= 4 ORDER BY key ASC')).not.toEqual([]);
    expect(await jqlKeys(site, 'openDependencies > 0 ORDER BY key ASC')).not.toEqual([]);
  } finally {
    await site.close();
    warn.mockRestore();
    jest.useRealTimers();
  }
});
