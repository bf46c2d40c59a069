// Schema messages in the language of whoever reads them: each custom message is a function zod
// calls when an issue is raised (`{ error: msg('required.name') }`), written in the current
// language (lib/i18n/current-locale.ts: the request's on the server, `<html lang>` in the
// browser), and zod's own messages (a wrong type, a missing field) come from zod's locale of
// that language. Imported by every schema, in the browser too: nothing server-only here, and
// only the `validation` namespace of the catalogue (use-intl/core: next-intl's core without
// React, loadable under the react-server condition too).
import { createTranslator } from 'use-intl/core';
import { z } from 'zod';
import { currentLocale } from '@/lib/i18n/current-locale';
import type { Locale } from '@/lib/i18n/locales';
import type { MessagePath, MessageValues } from '@/lib/i18n/message-path';
import enValidation from '@/lib/i18n/messages/en/validation.json';
import frValidation from '@/lib/i18n/messages/fr/validation.json';

/** A key of the `validation` namespace: a typo does not compile. */
export type ValidationKey = MessagePath<typeof frValidation>;

const CATALOGUE: Record<Locale, typeof frValidation> = { fr: frValidation, en: enValidation };

const translators = new Map<Locale, (key: ValidationKey, values?: MessageValues) => string>();

/** A schema message in `locale`. */
export function validationText(locale: Locale, key: ValidationKey, values?: MessageValues): string {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({ locale, messages: CATALOGUE[locale] });
    t = (k, v) => (translate as (k: string, v?: MessageValues) => string)(k, v);
    translators.set(locale, t);
  }
  return t(key, values);
}

/**
 * A count as the message says it: French keeps its old spelling (« 10 000 », « 5000 »),
 * English groups thousands ("10,000").
 */
function countIn(locale: Locale, n: number): string {
  if (locale === 'fr')
    return n >= 10_000 ? n.toLocaleString('en-US').replace(/,/g, ' ') : String(n);
  return n.toLocaleString('en-US');
}

/** A schema's message: `{ error: msg('required.name') }`, rendered when the issue is raised. */
export function msg(key: ValidationKey, values?: MessageValues): () => string {
  return () => validationText(currentLocale(), key, values);
}

/** « N caractères au plus. » / "N characters at most." */
export function maxChars(max: number): () => string {
  return () => {
    const locale = currentLocale();
    return validationText(locale, 'maxChars', { max: countIn(locale, max) });
  };
}

// zod's own messages (wrong type, missing field…), in the current language.
const ZOD_LOCALES = { fr: z.locales.fr(), en: z.locales.en() };
z.config({
  localeError: (issue) => ZOD_LOCALES[currentLocale()].localeError(issue),
});
