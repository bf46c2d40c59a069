// The browser side of the language cookie: the language switch and the account form set it, so
// a signed-out page (the sign-in page after signing out) keeps the language chosen.
import { LOCALE_COOKIE, type Locale } from './locales';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function rememberLocale(locale: Locale): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax${secure}`;
}
