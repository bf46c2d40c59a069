// Dates as newsrooms write them, in French and English — « 14 mars 2025 », « vendredi 1er mars
// 2025 à 10 h 30 », « March 14, 2025 », « 14/03/2025 », « 2025-03-14 » — read into a calendar
// date "YYYY-MM-DD". Month and weekday names come from Intl (the platform's CLDR data, the same
// the app formats dates with), not from a hand-kept word list. Pure: no Next, Prisma or network.

export type DateLanguage = 'fr' | 'en';

const LANGUAGES: readonly DateLanguage[] = ['fr', 'en'];

/** Lowercase, without accents or a final period: « Févr. » → "fevr". */
function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

/** The long names Intl gives for `count` consecutive days or months, folded. */
function intlNames(
  language: DateLanguage,
  count: number,
  option: Intl.DateTimeFormatOptions,
  date: (i: number) => Date,
): string[] {
  const format = new Intl.DateTimeFormat(language, { ...option, timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => foldWord(format.format(date(i))));
}

const MONTH_NAMES = LANGUAGES.map((language) =>
  intlNames(language, 12, { month: 'long' }, (i) => new Date(Date.UTC(2000, i, 1))),
);
// 2 January 2000 was a Sunday.
const WEEKDAY_NAMES = LANGUAGES.map((language) =>
  intlNames(language, 7, { weekday: 'long' }, (i) => new Date(Date.UTC(2000, 0, 2 + i))),
);

/** Shortest abbreviation accepted ("mar", "sept", "juil"; "ju" says nothing). */
const MIN_ABBREVIATION = 3;

/**
 * The position (0-based) of a name in `tables`: the full name or an abbreviation of it
 * (« janv. », « Sept », « déc »), with or without accents, when only one entry matches.
 */
function lookUp(word: string, tables: string[][]): number | null {
  const folded = foldWord(word);
  if (folded.length < MIN_ABBREVIATION || !/^\p{L}+$/u.test(folded)) return null;
  const found = new Set<number>();
  for (const names of tables) {
    for (const [i, name] of names.entries()) {
      if (name === folded || name.startsWith(folded)) found.add(i);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** 1–12 for a month's name or abbreviation in French or English, else null. */
export function monthNumber(word: string): number | null {
  const index = lookUp(word, MONTH_NAMES);
  return index === null ? null : index + 1;
}

/** A day of the week's name or abbreviation in French or English (« vendredi », "Fri."). */
export function isWeekday(word: string): boolean {
  return lookUp(word, WEEKDAY_NAMES) !== null;
}

/** A month's or a weekday's name: never a person's name in a byline ("By Monday…"). */
export function isCalendarWord(word: string): boolean {
  return monthNumber(word) !== null || isWeekday(word);
}

/** Earliest year taken for a publication date. */
const MIN_YEAR = 1900;

/**
 * "YYYY-MM-DD" for a real calendar day (no 31 April) between 1900 and next year, else null:
 * a publication date outside that range is a misreading.
 */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > new Date().getUTCFullYear() + 1) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Patterns are sticky (`y`): each one reads at a given position of a line, left to right.
const WORD = String.raw`\p{L}+\.?`;
const DAY = String.raw`(\d{1,2})(?:er|re|st|nd|rd|th)?`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\d])`;

/** « vendredi 14 mars 2025 », « 1er mars 2025 », "14 March 2025", "Fri 14 Mar 2025". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`(?:(${WORD}),?\s+)?${DAY}\s+(${WORD})\s+(\d{4})${NOT_WORD_AFTER}`,
  'uy',
);
/** "March 14, 2025", "Friday, March 14, 2025", "Mar. 14 2025". */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`(?:(${WORD}),?\s+)?(${WORD})\s+${DAY},?\s+(\d{4})${NOT_WORD_AFTER}`,
  'uy',
);
/** "2025-03-14", "2025-03-14T10:30:00+01:00" (the day as written, never shifted to UTC). */
const ISO_DATE = new RegExp(
  String.raw`(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?${NOT_WORD_AFTER}`,
  'uy',
);
/** « 14/03/2025 », « 14.03.25 »: day first, unless the language is English or the day > 12. */
const NUMERIC_DATE = /(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\d])/uy;

/** Zone abbreviations written after a time ("10:30 a.m. ET", « 10 h 30 HNE », "UTC+1"). */
const TIME_ZONE = String.raw`(?:GMT|UTC|[ECMP][SD]?T|BST|[CWE]ES?T|HN[EPCR]|HA[EPCR])(?:[+-]\d{1,2}(?::?\d{2})?)?`;

/** « à 10 h 30 », « à 10h30 », « 10:30 », "at 10:30 a.m. ET", "10 AM", « (heure de Paris) ». */
const TIME = new RegExp(
  [
    String.raw`\s*,?\s*(?:(?:à|a|at|vers|around|-|–)\s*)?`,
    String.raw`(\d{1,2})`,
    String.raw`(?:\s*[hH:]\s*(\d{2})?(?:\s*([aApP])\.?\s?[mM]\.?)?|(?::(\d{2}))?\s*([aApP])\.?\s?[mM]\.?)`,
    String.raw`(?:\s*\(?(?:heure de Paris|heure française|heure locale|local time|${TIME_ZONE})\)?)?`,
    NOT_WORD_AFTER,
  ].join(''),
  'uy',
);

export interface DateMatch {
  /** "YYYY-MM-DD". */
  date: string;
  /** Where the date (and any time after it) ends in the text. */
  end: number;
}

function readAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * The date written at `at` in `text`, optionally preceded by a weekday and followed by a time
 * (read and checked, not kept: a publication date is a day). Null when none is there.
 * `language` only settles « 03/04/2025 »: April 3 in French, March 4 in English.
 */
export function readDateAt(
  text: string,
  at: number,
  language: DateLanguage = 'fr',
): DateMatch | null {
  const date = readDateOnly(text, at, language);
  if (!date) return null;
  const time = readAt(TIME, text, date.end);
  if (time && isTime(time)) return { date: date.date, end: time.index + time[0].length };
  return date;
}

function isTime(match: RegExpExecArray): boolean {
  const hour = Number(match[1]);
  const minutes = Number(match[2] ?? match[4] ?? 0);
  const meridiem = match[3] ?? match[5];
  return minutes <= 59 && (meridiem ? hour >= 1 && hour <= 12 : hour <= 23);
}

function readDateOnly(text: string, at: number, language: DateLanguage): DateMatch | null {
  const iso = readAt(ISO_DATE, text, at);
  if (iso) return found(calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3])), iso);

  const numeric = readAt(NUMERIC_DATE, text, at);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[3])];
    const year = numeric[4].length === 2 ? 2000 + Number(numeric[4]) : Number(numeric[4]);
    const monthFirst = second > 12 || (language === 'en' && first <= 12);
    return found(
      monthFirst ? calendarDate(year, first, second) : calendarDate(year, second, first),
      numeric,
    );
  }

  const dayFirst = readAt(DAY_MONTH_YEAR, text, at);
  if (dayFirst && (dayFirst[1] === undefined || isWeekday(dayFirst[1]))) {
    const month = monthNumber(dayFirst[3]);
    if (month)
      return found(calendarDate(Number(dayFirst[4]), month, Number(dayFirst[2])), dayFirst);
  }

  const monthFirst = readAt(MONTH_DAY_YEAR, text, at);
  if (monthFirst && (monthFirst[1] === undefined || isWeekday(monthFirst[1]))) {
    const month = monthNumber(monthFirst[2]);
    if (month) {
      return found(calendarDate(Number(monthFirst[4]), month, Number(monthFirst[3])), monthFirst);
    }
  }
  return null;
}

function found(date: string | null, match: RegExpExecArray): DateMatch | null {
  return date ? { date, end: match.index + match[0].length } : null;
}

/** Spaces as typed (no-break, thin) made plain, so that one pattern reads them all. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ');
}

/**
 * A whole string that is one date ("14 mars 2025", "March 14, 2025 at 10:30 a.m.", "2025-03-14")
 * → "YYYY-MM-DD"; anything else, or an impossible day, → null.
 */
export function parseWrittenDate(value: string, language: DateLanguage = 'fr'): string | null {
  const text = plainSpaces(value).trim();
  const match = readDateAt(text, 0, language);
  return match && text.slice(match.end).trim() === '' ? match.date : null;
}
