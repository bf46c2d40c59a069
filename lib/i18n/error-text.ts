// Server messages from the catalogue's `errors` namespace (lib/i18n/messages/<locale>/
// errors.json), by key and ICU values, in any language: the text of AppError (lib/server/
// errors.ts) and of the pure cores' own refusals (an import's ImportError, the fetcher's
// FetchRefused), which carry a key so that the API answers them in the caller's language.
//
// The translator comes from use-intl/core (next-intl's own core, without React): this module is
// also loaded under the react-server condition (reports), where next-intl's root pulls in its
// client provider. Pure: no server-only import.
import { createTranslator } from 'use-intl/core';
import enErrors from '@/lib/i18n/messages/en/errors.json';
import frErrors from '@/lib/i18n/messages/fr/errors.json';
import type { Locale } from '@/lib/i18n/locales';
import type { MessagePath, MessageValues } from '@/lib/i18n/message-path';

/** A key of the `errors` namespace: a typo does not compile. */
export type ErrorKey = MessagePath<typeof frErrors>;

/**
 * A server message: its key, and the values its ICU text reads — or, for a value that is itself
 * said differently in each language (a list of quoted names), a function of the language.
 */
export interface ErrorText {
  key: ErrorKey;
  values?: MessageValues | ((locale: Locale) => MessageValues);
}

/** `'verdictAlreadySubmitted'`, or `{ key: 'rateLimited', values: { minutes: 5 } }`. */
export type ErrorMessage = ErrorKey | ErrorText;

/** What a thing is called in « Article introuvable. » (one message each: `errors.notFound.*`). */
export type NotFoundThing = keyof typeof frErrors.notFound;

/** `details` as each language says it (their `message`s, when they hold some). */
export type LocalizedDetails = (locale: Locale) => unknown;

type Translate = (key: string, values?: MessageValues) => string;

const CATALOGUE: Record<Locale, typeof frErrors> = { fr: frErrors, en: enErrors };
const translators = new Map<Locale, Translate>();

function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: { errors: CATALOGUE[locale] },
    }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

export function textOf(message: ErrorMessage): ErrorText {
  return typeof message === 'string' ? { key: message } : message;
}

/** A server message in `locale`. */
export function errorText(locale: Locale, message: ErrorMessage): string {
  const { key, values } = textOf(message);
  return translator(locale)(
    `errors.${key}`,
    typeof values === 'function' ? values(locale) : values,
  );
}

/** A key of `errors.import` (an import's or a fetch's refusal) and its values. */
export interface ImportText {
  key: keyof typeof frErrors.import;
  values?: MessageValues;
}

/** An import refusal as a server message. */
export function importText(text: ImportText): ErrorText {
  return { key: `import.${text.key}`, ...(text.values ? { values: text.values } : {}) };
}
