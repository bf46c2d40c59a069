// Which language a request gets, as a pure function of what it carries: the account's
// preference, else the cookie of the language switch (a signed-out choice), else the best match
// of the browser's Accept-Language, else French. lib/i18n/request.ts feeds it the request.
//
// Accept-Language is parsed by `negotiator` (q-values, order, `q=0` refusals) and matched with
// @formatjs/intl-localematcher's RFC 4647 "lookup" — the pair next-intl itself uses. Not its
// "best fit": that one prefers an exact tag to the user's first choice (`en-GB;q=0.5, fr;q=0.4`
// gave French), where lookup takes the languages in the user's order (`en-GB` → `en`).
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales';

export interface LocaleSources {
  /** users.locale of the signed-in account (null: not set, or signed out). */
  userLocale?: string | null;
  /** The language switch's cookie. */
  cookieLocale?: string | null;
  /** The request's Accept-Language header. */
  acceptLanguage?: string | null;
}

export function chooseLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.userLocale)) return sources.userLocale;
  if (isLocale(sources.cookieLocale)) return sources.cookieLocale;
  return matchAcceptLanguage(sources.acceptLanguage ?? '');
}

/** The supported language the browser prefers most (French when it names none of them). */
export function matchAcceptLanguage(header: string): Locale {
  const requested = new Negotiator({ headers: { 'accept-language': header } })
    .languages()
    .filter(isLanguageTag);
  if (requested.length === 0) return DEFAULT_LOCALE;
  const best = match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: 'lookup' });
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

/** `*`, `en_US` or garbage would make the matcher throw: they name no language we can serve. */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
