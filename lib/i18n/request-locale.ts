// The language of the request being answered, for the API's messages (lib/api/respond.ts) and
// the zod messages written while it runs (lib/i18n/current-locale.ts): apiHandler opens the
// context with what the request carries (cookie, Accept-Language); getCurrentUser adds the
// account's preference when it finds the caller, which then wins (lib/i18n/negotiate.ts). An
// error thrown before the caller is known follows the cookie or Accept-Language.
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { registerLocaleSource } from './current-locale';
import { LOCALE_COOKIE, type Locale } from './locales';
import { chooseLocale, type LocaleSources } from './negotiate';

interface RequestLocale {
  sources: LocaleSources;
  locale: Locale;
  /** Chosen by the caller (a page's language): the account's preference is already in it. */
  fixed?: boolean;
}

const storage = new AsyncLocalStorage<RequestLocale>();

registerLocaleSource(requestLocale);

/** What a request says about its language, before anyone is signed in. */
export function localeSourcesOf(headers: Headers): LocaleSources {
  const cookie = headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookie);
  return {
    cookieLocale: match ? decodeURIComponent(match[1]!.trim()) : null,
    acceptLanguage: headers.get('accept-language'),
  };
}

/** Runs `work` answering in the language these sources choose (until the account says). */
export function runWithRequestLocale<T>(sources: LocaleSources, work: () => T): T {
  return storage.run({ sources, locale: chooseLocale(sources) }, work);
}

/** Runs `work` in a language already chosen (a page's, for a server action). */
export function runInLocale<T>(locale: Locale, work: () => T): T {
  return storage.run({ sources: { userLocale: locale }, locale, fixed: true }, work);
}

/**
 * The signed-in caller's preference (users.locale; null: not chosen), recorded by
 * getCurrentUser: from now on the request answers in it. Outside a context, nothing to do.
 */
export function noteAccountLocale(userLocale: string | null): void {
  const state = storage.getStore();
  if (!state || state.fixed) return;
  state.sources = { ...state.sources, userLocale };
  state.locale = chooseLocale(state.sources);
}

/** The request's language, or undefined outside a request context. */
export function requestLocale(): Locale | undefined {
  return storage.getStore()?.locale;
}
