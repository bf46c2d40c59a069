// The interface languages FactDesk speaks, in one list: the catalogue (lib/i18n/messages/<code>),
// the account's preference (users.locale, checked by the database too), the language switch and
// the negotiation all read it. Pure: imported by server and browser code alike.

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'fr';

/** The signed-out choice of the language switch (the account's preference wins when signed in). */
export const LOCALE_COOKIE = 'factdesk-locale';

/** Each language's name in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  fr: 'Français',
  en: 'English',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Languages written right to left (their primary subtags). A list rather than
// Intl.Locale#getTextInfo(): Node 20 only has the older `textInfo` getter and Firefox neither,
// and <html dir> must not depend on the runtime's ICU.
const RTL_LANGUAGES = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** `dir` of a page in this language. */
export function localeDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split(/[-_]/)[0]!.toLowerCase();
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** A supported interface language for any tag ('en-CA' → 'en'), French otherwise. */
export function localeOf(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}
