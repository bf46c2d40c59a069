// `next-intl/server` for the integration tests. They call pages straight from Node, outside a
// Next.js request: next-intl's own module would refuse (no React Server Components build here)
// and there is no request to read a language from. These answer as for a visitor without any
// preference: French, the catalogue's default, in Paris time.
import { createFormatter, createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';

const TIME_ZONE = 'Europe/Paris';

function localeOf(options: unknown): Locale {
  const locale =
    typeof options === 'object' && options !== null && 'locale' in options
      ? options.locale
      : undefined;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

export async function getTranslations(namespaceOrOptions?: unknown) {
  const namespace =
    typeof namespaceOrOptions === 'string'
      ? namespaceOrOptions
      : typeof namespaceOrOptions === 'object' &&
          namespaceOrOptions !== null &&
          'namespace' in namespaceOrOptions &&
          typeof namespaceOrOptions.namespace === 'string'
        ? namespaceOrOptions.namespace
        : undefined;
  const locale = localeOf(namespaceOrOptions);
  return createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace,
    timeZone: TIME_ZONE,
  });
}

export async function getFormatter(options?: unknown) {
  return createFormatter({ locale: localeOf(options), timeZone: TIME_ZONE });
}

export async function getLocale(): Promise<Locale> {
  return DEFAULT_LOCALE;
}

export async function getMessages(options?: unknown) {
  return MESSAGES[localeOf(options)];
}

export async function getTimeZone(): Promise<string> {
  return TIME_ZONE;
}

export async function getNow(): Promise<Date> {
  return new Date();
}

/** The request configuration is not read here: the function is returned as it was given. */
export function getRequestConfig<T>(create: T): T {
  return create;
}

export function setRequestLocale(): void {}
