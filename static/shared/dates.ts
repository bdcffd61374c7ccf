/**
 * Dates in the user's locale and time zone, as Jira shows them. Forge gives both in the frame's context
 * (`view.getContext()`: `locale` such as "en-GB", `timezone` such as "Europe/Berlin").
 * @see https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view/#getcontext
 */
export interface UserDateSettings {
  locale?: string;
  timezone?: string;
}

export interface DateFormat {
  /** A moment: "25 Nov 2026, 13:05" for en-GB in the user's time zone. */
  dateTime(iso: string): string;
  /** A calendar day without a time (a release date "2027-03-26"): never shifted by a time zone. */
  day(isoDay: string): string;
}

/** Intl throws on an unknown locale or time zone: drop the time zone first, then the locale (the browser's own). */
function formatterOr(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const { timeZone: _unknown, ...withoutZone } = options;
  for (const [l, o] of [[locale, options], [locale, withoutZone], [undefined, withoutZone]] as const) {
    try {
      return new Intl.DateTimeFormat(l, o);
    } catch {
      // try the next, less specific one
    }
  }
  return new Intl.DateTimeFormat();
}

/**
 * @example
 * dateFormat({ locale: 'en-GB', timezone: 'Europe/Berlin' }).dateTime('2026-11-25T12:05:00Z') // => '25 Nov 2026, 13:05'
 * dateFormat({ locale: 'en-US' }).day('2027-03-26') // => 'Mar 26, 2027'
 */
export function dateFormat({ locale, timezone }: UserDateSettings): DateFormat {
  const moment = formatterOr(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone });
  const calendarDay = formatterOr(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : moment.format(date);
    },
    day: (isoDay) => {
      const date = new Date(`${isoDay}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDay : calendarDay.format(date);
    },
  };
}
