// The one table of import sources: media types and file names to formats, and the headers
// built from it.
import { describe, expect, it } from 'vitest';
import {
  mediaTypeOf,
  parseMediaType,
  SOURCE_ACCEPT_HEADER,
  SOURCE_FILE_ACCEPT,
  SOURCE_FORMATS,
  sourceFormatOf,
  sourceFormatOfFileName,
  unsupportedTypeText,
  type MediaType,
  type SourceFormat,
} from '@/lib/import/media-type';
import { errorText, importText } from '@/lib/i18n/error-text';

describe('parseMediaType', () => {
  const cases: [string | null | undefined, MediaType][] = [
    ['text/html', { type: 'text/html', charset: null }],
    ['text/html; charset=utf-8', { type: 'text/html', charset: 'utf-8' }],
    ['TEXT/HTML;Charset="ISO-8859-1"', { type: 'text/html', charset: 'ISO-8859-1' }],
    // What servers send besides the RFC: a trailing ";", spaces around "=", an empty value.
    ['text/html; charset=UTF-8; ', { type: 'text/html', charset: 'UTF-8' }],
    ['text/plain ; charset = "utf-8"', { type: 'text/plain', charset: 'utf-8' }],
    ['text/html;;charset=windows-1252', { type: 'text/html', charset: 'windows-1252' }],
    ['text/html; charset=', { type: 'text/html', charset: null }],
    ['  text/markdown  ', { type: 'text/markdown', charset: null }],
    ['', { type: '', charset: null }],
    [null, { type: '', charset: null }],
    [undefined, { type: '', charset: null }],
  ];

  it.each(cases)('%j', (header, expected) => {
    expect(parseMediaType(header)).toEqual(expected);
  });
});

describe('sourceFormatOf', () => {
  const cases: [string | undefined, SourceFormat | null][] = [
    ['text/html', 'html'],
    ['text/html; charset=utf-8', 'html'],
    ['application/xhtml+xml', 'html'],
    ['text/markdown', 'markdown'],
    ['text/x-markdown; charset=utf-8', 'markdown'],
    ['text/plain', 'text'],
    ['Text/Plain; charset=us-ascii', 'text'],
    ['application/pdf', null],
    ['application/json', null],
    ['application/ld+json', null],
    ['image/png', null],
    ['text/csv', null],
    ['text/html-sandboxed', null],
    ['html', null],
    ['', null],
    [undefined, null],
  ];

  it.each(cases)('%s → %s', (contentType, format) => {
    expect(sourceFormatOf(contentType)).toBe(format);
  });

  it('reads back every canonical media type as its format', () => {
    for (const format of SOURCE_FORMATS) expect(sourceFormatOf(mediaTypeOf(format))).toBe(format);
  });
});

describe('sourceFormatOfFileName', () => {
  const cases: [string, SourceFormat | null][] = [
    ['article.html', 'html'],
    ['Article.HTM', 'html'],
    ['notes.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['dépêche.txt', 'text'],
    ['archive.tar.txt', 'text'],
    ['rapport.pdf', null],
    ['data.json', null],
    ['README', null],
    ['.md', 'markdown'],
    ['txt', null],
  ];

  it.each(cases)('%s → %s', (name, format) => {
    expect(sourceFormatOfFileName(name)).toBe(format);
  });
});

describe('headers built from the table', () => {
  it('lists every extension and media type read for a file input', () => {
    const accepted = SOURCE_FILE_ACCEPT.split(',');
    expect(accepted).toEqual(
      expect.arrayContaining(['.txt', '.md', '.markdown', '.html', '.htm', 'text/markdown']),
    );
    for (const entry of accepted.filter((value) => value.startsWith('.'))) {
      expect(sourceFormatOfFileName(`file${entry}`)).not.toBeNull();
    }
    for (const entry of accepted.filter((value) => !value.startsWith('.'))) {
      expect(sourceFormatOf(entry)).not.toBeNull();
    }
  });

  it('asks for HTML first, then the other formats, then anything', () => {
    const ranges = SOURCE_ACCEPT_HEADER.split(',').map((range) => {
      const [type, q] = range.split(';q=');
      return { type, q: q === undefined ? 1 : Number(q) };
    });
    expect(ranges[0]).toEqual({ type: 'text/html', q: 1 });
    expect(ranges.at(-1)).toEqual({ type: '*/*', q: 0.1 });
    for (const { type, q } of ranges.slice(0, -1)) {
      expect(sourceFormatOf(type)).not.toBeNull();
      expect(q).toBeGreaterThan(0.1);
      expect(q).toBeLessThanOrEqual(1);
    }
  });
});

describe('unsupportedTypeText', () => {
  it.each([
    ['application/pdf', /\(application\/pdf\)/],
    ['Application/JSON; charset=utf-8', /\(application\/json\)/],
    ['', /\(inconnu\)/],
  ])('%s', (type, shown) => {
    const message = errorText('fr', importText(unsupportedTypeText(type)));
    expect(message).toMatch(shown);
    expect(message).toMatch(/HTML, Markdown ou texte attendu/);
    expect(errorText('en', importText(unsupportedTypeText(type)))).toMatch(
      /an HTML page, Markdown or text is expected/,
    );
  });

  it('never repeats more than 80 characters of what the server sent', () => {
    const message = errorText(
      'fr',
      importText(unsupportedTypeText(`application/${'x'.repeat(500)}`)),
    );
    expect(message.length).toBeLessThan(200);
  });
});
