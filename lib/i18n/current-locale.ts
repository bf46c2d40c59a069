// The language of the code running now, for what cannot be handed one: zod's messages (written
// when a schema parses, in a form or in a route) and server messages built deep in the service
// layer. On the server it is the request's (lib/i18n/request-locale.ts keeps it in an
// AsyncLocalStorage and registers itself here); in the browser, the page's `<html lang>`;
// anywhere else (a worker, a script), French. Pure: imported by server and browser code alike,
// so it never imports the server side — that one registers through globalThis, which every copy
// of this module (Next.js bundles one per layer) reads the same.
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

const SOURCE = Symbol.for('factdesk.requestLocale');

type LocaleSource = () => Locale | undefined;

/** Called once by the server's request context (lib/i18n/request-locale.ts). */
export function registerLocaleSource(source: LocaleSource): void {
  (globalThis as { [SOURCE]?: LocaleSource })[SOURCE] = source;
}

export function currentLocale(): Locale {
  const fromRequest = (globalThis as { [SOURCE]?: LocaleSource })[SOURCE]?.();
  if (fromRequest) return fromRequest;
  if (typeof document !== 'undefined') {
    const primary = document.documentElement.lang.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
