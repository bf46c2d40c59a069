// The reader's messages (namespaces `reader` and `articles`) that replaced sentences built by
// concatenation: in French they must give exactly what the concatenation gave (the e2e tests
// match these texts), plurals and the elision of « de » included; in English, a natural text.
// Every message of both languages must also compile (an ICU syntax slip fails here, not in a page).
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import enArticles from '@/lib/i18n/messages/en/articles.json';
import enReader from '@/lib/i18n/messages/en/reader.json';
import frArticles from '@/lib/i18n/messages/fr/articles.json';
import frReader from '@/lib/i18n/messages/fr/reader.json';

const TREES = {
  fr: { reader: frReader, articles: frArticles },
  en: { reader: enReader, articles: enArticles },
};

function translator(locale: 'fr' | 'en') {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  const t = createTranslator({ locale, messages: TREES[locale], namespace: 'reader', onError });
  const articles = createTranslator({
    locale,
    messages: TREES[locale],
    namespace: 'articles',
    onError,
  });
  return { t, articles, errors };
}

/** Every leaf of a catalogue, as [`a.b.c`, message]. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : leaves(value as object, `${prefix}${key}.`),
  );
}

function leafKeys(tree: object): string[] {
  return leaves(tree).map(([key]) => key);
}

/**
 * Formats every message with a stand-in for each of its arguments (a number, which plurals
 * need and selects send to `other`) and tags: an ICU syntax slip is reported to `onError`.
 */
function formatAll(locale: 'fr' | 'en'): string[] {
  const { t, articles, errors } = translator(locale);
  const format = (markup: (key: string, values: Values) => string, tree: object) => {
    for (const [key, message] of leaves(tree)) {
      const values: Values = {};
      for (const [, name] of message.matchAll(/\{\s*(\w+)/g)) values[name!] = 1;
      for (const [, name] of message.matchAll(/<(\w+)>/g)) values[name!] = (chunks) => chunks;
      markup(key, values);
    }
  };
  // Keys come from the catalogue itself, so the typed key unions are widened to string here.
  format(
    (key, values) => t.markup(key as Parameters<typeof t.markup>[0], values),
    TREES[locale].reader,
  );
  format(
    (key, values) => articles.markup(key as Parameters<typeof articles.markup>[0], values),
    TREES[locale].articles,
  );
  return errors;
}

type Values = Record<string, number | ((chunks: string) => string)>;

describe('reader messages, French', () => {
  const { t, errors } = translator('fr');

  it.each([
    [1, '1 phrase notée par au moins deux membres'],
    [2, '2 phrases notées par au moins deux membres'],
  ])('agreement: %i rated sentence(s)', (count, expected) => {
    expect(t('agreement.rated', { count })).toBe(expected);
  });

  it.each([
    ['Ana', 'Approuver le verdict d’Ana', 'Pourquoi renvoyer le verdict d’Ana ?'],
    ['Éloïse', 'Approuver le verdict d’Éloïse', 'Pourquoi renvoyer le verdict d’Éloïse ?'],
    ['Ben', 'Approuver le verdict de Ben', 'Pourquoi renvoyer le verdict de Ben ?'],
  ])('review actions elide « de » before a vowel: %s', (author, approve, reason) => {
    const vowel = /^[aeiouyàâäéèêëîïôöùûü]/i.test(author) ? 'yes' : 'no';
    expect(t('reviewActions.approve', { author, vowel })).toBe(approve);
    expect(t('reviewActions.reasonLabel', { author, vowel })).toBe(reason);
  });

  it('counts of a removed sentence: 0 and 1 are singular, as before', () => {
    expect(t('orphans.retiredCounts', { verdicts: 0, comments: 1 })).toBe(
      '— 0 verdict, 1 commentaire',
    );
    expect(t('orphans.retiredCounts', { verdicts: 2, comments: 3 })).toBe(
      '— 2 verdicts, 3 commentaires',
    );
  });

  it('text versions and revision summaries', () => {
    expect(t('revisions.toggle', { number: '1', count: 1 })).toBe('Version 1 du texte · 1 version');
    expect(t('revisions.toggle', { number: '3', count: 3 })).toBe(
      'Version 3 du texte · 3 versions',
    );
    expect(t('revisions.summary.changed', { count: 2 })).toBe('2 phrases modifiées');
    expect(t('revisions.summary.fuzzy', { count: 1 })).toBe(
      '1 surlignage replacé approximativement',
    );
  });

  it('a revision line, with and without its author', () => {
    const line = (hasAuthor: 'yes' | 'no') =>
      t.markup('revisions.line', {
        number: '2',
        source: 'correction',
        date: '2 déc. 2026, 08:00',
        hasAuthor,
        author: 'Ana',
        version: (chunks: string) => `[${chunks}]`,
      });
    expect(line('yes')).toBe('[Version 2] — correction, 2 déc. 2026, 08:00 par Ana');
    expect(line('no')).toBe('[Version 2] — correction, 2 déc. 2026, 08:00');
  });

  it('sentence numbers stay plain, past a thousand too', () => {
    expect(t('shared.sentenceNumber', { number: '1234' })).toBe('Phrase 1234');
    expect(t('live.eventInSentence', { actor: 'Ben', action: 'a soumis', number: '3' })).toBe(
      'Ben : a soumis (phrase 3).',
    );
  });

  it('every message compiles', () => {
    expect(formatAll('fr')).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('reader messages, English', () => {
  it('reads naturally and every message compiles', () => {
    const { t, errors } = translator('en');
    expect(t('agreement.rated', { count: 1 })).toBe('1 sentence rated by at least two members');
    expect(t('reviewActions.approve', { author: 'Ana', vowel: 'yes' })).toBe(
      'Approve Ana’s verdict',
    );
    expect(t('orphans.retiredCounts', { verdicts: 1, comments: 2 })).toBe(
      '— 1 verdict, 2 comments',
    );
    expect(formatAll('en')).toEqual([]);
    expect(leafKeys(enReader).sort()).toEqual(leafKeys(frReader).sort());
    expect(leafKeys(enArticles).sort()).toEqual(leafKeys(frArticles).sort());
    expect(errors).toEqual([]);
  });
});
