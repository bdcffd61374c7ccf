import fc from 'fast-check';
import { dayNumber, isoDate } from '../../../src/domain/dependency-graph/dates';

describe('calendar days', () => {
  it('agrees with the Date object for every day from 1900 to 2200, both ways', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 0, 1) / 86_400_000 }), (day) => {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(day);
      expect(isoDate(day)).toBe(iso);
    }), { numRuns: 2000 });
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-01', '2026/01/01', 'abcd-ef-gh', '', '2026-01-01T00:00']) expect(dayNumber(bad)).toBeNull();
    expect(dayNumber('2028-02-29')).toBe(dayNumber('2028-03-01')! - 1);
    expect(dayNumber(null)).toBeNull();
  });
});
