// The one place dates, times and numbers are formatted for people: next-intl's formatter with
// FactDesk's named formats, in the reader's language and time zone. Pages get it through
// next-intl (`useFormatter()` / `getFormatter()`, configured in lib/i18n/request.ts with these
// formats and the account's zone); code outside React (reports, CSV, server messages) calls
// `formatterFor`. Machine formats (CSV, JSON, exports) write ISO 8601 — `isoInZone` gives the
// reader's local time with its offset. Pure: imported by server and browser code alike.
import { createFormatter, type Formats } from 'next-intl';
import type { Locale } from './locales';

/** Shown to signed-out visitors and accounts that did not choose a zone. */
import { DEFAULT_TIME_ZONE } from './iso';

export { DEFAULT_TIME_ZONE };

/**
 * Named formats, used as `format.dateTime(date, 'dateTime')`:
 * - `date`: a day (« 4 mars 2025 », "March 4, 2025"); `mediumDate`: « 4 mars 2025 » / "Mar 4, 2025";
 * - `dateTime`: a moment (« 4 mars 2025 à 14:05 », "March 4, 2025 at 2:05 PM");
 * - `mediumDateTime`: a moment in a panel (« 4 mars 2025, 14:05 », "Mar 4, 2025, 2:05 PM");
 * - `journal`: a moment in a dense table, to the second (« 04/03/2025 14:05:09 »);
 * - `time`: a time of day (« 14:05 »).
 * Bare calendar dates (an article's publication day) are formatted with `{ timeZone: 'UTC' }`
 * so that no zone moves them to the day before.
 */
export const FORMATS = {
  dateTime: {
    date: { dateStyle: 'long' },
    mediumDate: { dateStyle: 'medium' },
    dateTime: { dateStyle: 'long', timeStyle: 'short' },
    mediumDateTime: { dateStyle: 'medium', timeStyle: 'short' },
    journal: { dateStyle: 'short', timeStyle: 'medium' },
    time: { timeStyle: 'short' },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    decimal2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
    percent: { style: 'percent', maximumFractionDigits: 0 },
  },
} satisfies Formats;

export type Formatter = ReturnType<typeof createFormatter>;

/**
 * A formatter for code outside React. Intl objects are cached inside it: create one per report
 * or response, not one per value.
 */
export function formatterFor(options: { locale: Locale | string; timeZone?: string }): Formatter {
  return createFormatter({
    locale: options.locale as Locale,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    formats: FORMATS,
  });
}

export { isoInZone } from './iso';
