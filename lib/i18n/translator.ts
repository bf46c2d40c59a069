// Messages outside React: server messages (API errors), reports in the team's publication
// language, e-mail-like texts. The same catalogue and ICU formats as the pages
// (lib/i18n/messages), through next-intl's createTranslator. Pure: no request state.
import { createTranslator } from 'next-intl';
import { FORMATS, DEFAULT_TIME_ZONE } from './format';
import type { Locale } from './locales';
import { MESSAGES, type Messages } from './messages';

export { localeOf } from './locales';

/** `t('labels.rating.true')`-style translator over the whole catalogue of `locale`. */
export function translatorFor(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE) {
  return createTranslator({
    locale,
    messages: MESSAGES[locale] as Messages,
    formats: FORMATS,
    timeZone,
  });
}

export type Translator = ReturnType<typeof translatorFor>;
