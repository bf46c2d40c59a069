// next-intl's typed configuration: `useLocale()` is a Locale, and `t('key')` must name a key of
// the French catalogue (a typo or a removed key fails the type-check).
import type { Locale } from './locales';
import type { Messages } from './messages';
import type { FORMATS } from './format';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof FORMATS;
  }
}
