// The message catalogue is complete and well-formed in every language: each namespace file
// exists everywhere (and is imported), French and English hold the same key paths, no message
// is empty, each parses as ICU MessageFormat, and a message names the same placeholders and
// tags in every language. Failures name the key paths, so adding a language (README
// "Languages") starts with this test's list of what is missing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';
import { NAMESPACES } from '@/lib/i18n/messages';

const MESSAGES_DIR = path.join(process.cwd(), 'lib', 'i18n', 'messages');

type Leaves = Map<string, unknown>;

function readNamespace(locale: string, namespace: string): unknown {
  return JSON.parse(readFileSync(path.join(MESSAGES_DIR, locale, `${namespace}.json`), 'utf8'));
}

/** `{ a: { b: 'x' } }` → `a.b` → 'x'; the path of every value that is not a nested object. */
function leavesOf(value: unknown, prefix: string, into: Leaves = new Map()): Leaves {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leavesOf(child, `${prefix}.${key}`, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

function catalogue(locale: string): Leaves {
  const leaves: Leaves = new Map();
  for (const namespace of NAMESPACES) leavesOf(readNamespace(locale, namespace), namespace, leaves);
  return leaves;
}

interface Names {
  /** Every argument and tag the message reads, sorted. */
  names: string[];
  /**
   * Those it only reads as a `select` switch (French elision `{vowel, select, …}`, a gender):
   * grammar of one language, which another may do without.
   */
  switches: string[];
}

/** Argument and tag names of a parsed message, at any depth (plural and select branches). */
function collectNames(elements: unknown, read: Set<string>, switches: Set<string>): void {
  if (!Array.isArray(elements)) return;
  for (const element of elements) {
    if (typeof element !== 'object' || element === null || !('type' in element)) continue;
    // Literals (type 0) and `#` (type 7) name nothing; arguments, formats, plurals, selects
    // (type 5) and tags carry their name in `value`.
    if (element.type !== 0 && element.type !== 7 && 'value' in element) {
      if (typeof element.value === 'string') {
        (element.type === 5 ? switches : read).add(element.value);
      }
    }
    if ('children' in element) collectNames(element.children, read, switches);
    if ('options' in element && typeof element.options === 'object' && element.options !== null) {
      for (const option of Object.values(element.options)) {
        if (typeof option === 'object' && option !== null && 'value' in option) {
          collectNames(option.value, read, switches);
        }
      }
    }
  }
}

function parse(message: string, locale: string): Names | { error: string } {
  try {
    const read = new Set<string>();
    const switches = new Set<string>();
    collectNames(new IntlMessageFormat(message, locale).getAst(), read, switches);
    return {
      names: [...new Set([...read, ...switches])].sort(),
      switches: [...switches].filter((name) => !read.has(name)).sort(),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * What differs between the reference message and a translation: a name the translation reads
 * that the code does not pass, or a placeholder or tag it leaves out (a grammatical switch of
 * the reference may be left out). Null when they agree.
 */
function compareNames(reference: Names, translation: Names): string | null {
  const extra = translation.names.filter((name) => !reference.names.includes(name));
  const missing = reference.names.filter(
    (name) => !translation.names.includes(name) && !reference.switches.includes(name),
  );
  if (extra.length === 0 && missing.length === 0) return null;
  return [
    ...(missing.length ? [`missing {${missing.join(', ')}}`] : []),
    ...(extra.length ? [`unknown {${extra.join(', ')}}`] : []),
  ].join(', ');
}

const CATALOGUES = new Map(LOCALES.map((locale) => [locale, catalogue(locale)]));

describe('the message catalogue', () => {
  it.each(LOCALES)('%s has exactly the namespace files lib/i18n/messages.ts imports', (locale) => {
    const files = readdirSync(path.join(MESSAGES_DIR, locale))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...NAMESPACES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))(
    '%s has the same keys as French',
    (locale) => {
      const reference = CATALOGUES.get(DEFAULT_LOCALE)!;
      const other = CATALOGUES.get(locale)!;
      const missing = [...reference.keys()].filter((key) => !other.has(key));
      const extra = [...other.keys()].filter((key) => !reference.has(key));
      expect({ missing, extra }, `keys of ${locale} compared with ${DEFAULT_LOCALE}`).toEqual({
        missing: [],
        extra: [],
      });
    },
  );

  it.each(LOCALES)('%s: every message is a non-empty string that parses as ICU', (locale) => {
    const problems: string[] = [];
    for (const [key, value] of CATALOGUES.get(locale)!) {
      if (typeof value !== 'string')
        problems.push(`${key}: not a string (${JSON.stringify(value)})`);
      else if (value.trim() === '') problems.push(`${key}: empty`);
      else {
        const parsed = parse(value, locale);
        if ('error' in parsed) problems.push(`${key}: ${parsed.error}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a message has the same placeholders and tags in every language (grammar switches aside)', () => {
    const reference = CATALOGUES.get(DEFAULT_LOCALE)!;
    const problems: string[] = [];
    for (const [key, value] of reference) {
      if (typeof value !== 'string') continue;
      const expected = parse(value, DEFAULT_LOCALE);
      if ('error' in expected) continue;
      for (const locale of LOCALES) {
        const other = CATALOGUES.get(locale)!.get(key);
        if (locale === DEFAULT_LOCALE || typeof other !== 'string') continue;
        const actual = parse(other, locale);
        if ('error' in actual) continue;
        const difference = compareNames(expected, actual);
        if (difference) problems.push(`${key} (${locale}): ${difference}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds the problems it is meant to find', () => {
    expect(parse('Bonjour {name', 'fr')).toHaveProperty('error');
    // An ASCII apostrophe before `{` starts quoted text in ICU: the placeholder is lost (the
    // parity check below catches it); two apostrophes make one.
    expect(parse("l'{count} articles", 'fr')).toEqual({ names: [], switches: [] });
    expect(parse("l''{count} articles", 'fr')).toEqual({ names: ['count'], switches: [] });
    const french = parse(
      '{count, plural, one {# phrase de <b>{who}</b>} other {# phrases}} {vowel, select, yes {d’} other {de }}',
      'fr',
    );
    expect(french).toEqual({ names: ['b', 'count', 'vowel', 'who'], switches: ['vowel'] });
    const names = (message: string) => parse(message, 'en') as Names;
    const reference = french as Names;
    // English may leave the elision switch out, not a placeholder or a tag.
    expect(compareNames(reference, names('{count} sentences by <b>{who}</b>'))).toBeNull();
    expect(compareNames(reference, names('{count} sentences by {who}'))).toBe('missing {b}');
    expect(compareNames(reference, names('{count} by <b>{author}</b>'))).toBe(
      'missing {who}, unknown {author}',
    );
    expect([...leavesOf({ a: { b: 'x', c: { d: '' } } }, 'ns').keys()]).toEqual([
      'ns.a.b',
      'ns.a.c.d',
    ]);
  });
});
