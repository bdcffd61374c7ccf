import { dateFormat } from '../../static/shared/dates';

describe('dates in the user locale and time zone', () => {
  const moment = '2026-11-25T12:05:00Z';

  it('shows a moment in the time zone from the Forge context', () => {
    expect(dateFormat({ locale: 'en-GB', timezone: 'Europe/London' }).dateTime(moment)).toBe('25 Nov 2026, 12:05');
    expect(dateFormat({ locale: 'en-GB', timezone: 'Europe/Berlin' }).dateTime(moment)).toBe('25 Nov 2026, 13:05');
  });

  it('writes it as the locale does', () => {
    expect(dateFormat({ locale: 'en-US', timezone: 'America/New_York' }).dateTime(moment)).toMatch(/^Nov 25, 2026, 7:05\sAM$/);
    expect(dateFormat({ locale: 'de-DE', timezone: 'Europe/Berlin' }).dateTime(moment)).toBe('25.11.2026, 13:05');
  });

  it('never shifts a calendar day (a release date) by the time zone', () => {
    expect(dateFormat({ locale: 'en-GB', timezone: 'Pacific/Honolulu' }).day('2027-03-26')).toBe('26 Mar 2027');
    expect(dateFormat({ locale: 'en-GB', timezone: 'Pacific/Kiritimati' }).day('2027-03-26')).toBe('26 Mar 2027');
  });

  it('falls back to the default zone for an unknown time zone, and shows unreadable input as it came', () => {
    const format = dateFormat({ locale: 'en-GB', timezone: 'Mars/Olympus_Mons' });
    expect(format.dateTime(moment)).toMatch(/^25 Nov 2026, \d\d:05$/);
    expect(format.dateTime('not a date')).toBe('not a date');
    expect(format.day('2027-13-45')).toBe('2027-13-45');
  });
});
