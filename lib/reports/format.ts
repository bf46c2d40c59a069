// Locale-aware formatting shared by the human-readable report formats (Markdown, HTML, team
// report). Everything here returns plain, unescaped text: each format escapes it its own way.
import type { ReportAgreement } from './types';
import type { ReportLanguage } from './verdict-scale';

// Building an Intl formatter costs far more than using one, and a report formats a date or a
// count per claim and per source: formatters are kept per locale/zone (a handful of keys).
const FORMATTERS = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(
  key: string,
  create: () => T,
): T {
  let formatter = FORMATTERS.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    // Keys come from a few locales and zones; the bound only guards against odd callers.
    if (FORMATTERS.size > 500) FORMATTERS.clear();
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}

/** A bare calendar date (YYYY-MM-DD), as opposed to an ISO date-time. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True for an absolute http(s) URL: the only URLs a report may turn into links. */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The article's own tag when it matches the label language ('en-GB' dates), else the label
 * language.
 */
export function localeFor(lang: string, language: ReportLanguage): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(lang.trim());
    if (canonical && canonical.toLowerCase().split('-')[0] === language) return canonical;
  } catch {
    // Not a valid BCP 47 tag: the label language is a safe locale.
  }
  return language;
}

/** The canonical form of a BCP 47 tag, or null when it is not one (safe for a `lang` attribute). */
export function canonicalLanguageTag(tag: string | null | undefined): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales((tag ?? '').trim());
    return canonical ?? null;
  } catch {
    return null;
  }
}

/**
 * A long date ("4 mars 2025"), or null when `value` is not a date. Date-times are shown in
 * `timeZone`; a bare date (a publication day) is midnight UTC, so it is never shifted (printing
 * it in another zone could show the previous day). With `withTime`, the time is added for
 * date-times.
 */
export function formatDate(
  value: string,
  locale: string,
  timeZone: string,
  withTime = false,
): string | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const dateOnly = DATE_ONLY.test(value);
  const zone = dateOnly ? 'UTC' : timeZone;
  const time = withTime && !dateOnly;
  return cached(
    `date|${locale}|${zone}|${time}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        ...(time ? { timeStyle: 'short' } : {}),
        timeZone: zone,
      }),
  ).format(date);
}

/** A number in the locale's conventions, and whether the noun after it takes the singular. */
export function formatCount(n: number, locale: string): { text: string; one: boolean } {
  // Plural rules differ: French treats 0 as singular ("0 affirmation vérifiée"), English not.
  return {
    text: cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(n),
    one: cached(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(n) === 'one',
  };
}

// Intl gives each language its own conventions: "0,74" and "78 %" (narrow no-break space) in
// French, "0.74" and "78%" in English.
export function formatAlpha(alpha: number | null, locale: string): string | null {
  if (alpha === null || !Number.isFinite(alpha)) return null;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(alpha);
}

export function formatPercent(share: number | null, locale: string): string | null {
  if (share === null || !Number.isFinite(share)) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** The agreement figures every format prints, already formatted for `locale`. */
export interface AgreementFigures {
  /** Krippendorff's alpha, or null when not computable. */
  alpha: string | null;
  /** Raw agreement as a percentage, or null when there are no pairs. */
  raw: string | null;
  rated: string;
  ratedOne: boolean;
  /** Number of disputed sentences (0 when none). */
  disputed: number;
  disputedText: string;
}

export function agreementFigures(agreement: ReportAgreement, locale: string): AgreementFigures {
  const rated = formatCount(agreement.ratedSentences, locale);
  return {
    alpha: formatAlpha(agreement.alpha, locale),
    raw: formatPercent(agreement.percentAgreement, locale),
    rated: rated.text,
    ratedOne: rated.one,
    disputed: agreement.disputed.length,
    disputedText: formatCount(agreement.disputed.length, locale).text,
  };
}
