// The import form's file check and the body it builds, now read from the import's one table
// (lib/import/media-type.ts): the files it took before, and its messages, are kept.
import { describe, expect, it } from 'vitest';
import { fileProblem, fileSource, MAX_FILE_BYTES } from '@/components/import/file-source';

const UNSUPPORTED = 'Format non pris en charge : choisissez un fichier .txt, .md ou .html.';

describe('fileProblem', () => {
  const cases: [name: string, size: number, problem: string | null][] = [
    ['article.txt', 10, null],
    ['article.md', 10, null],
    ['article.markdown', 10, null],
    ['article.html', 10, null],
    ['Article.HTM', 10, null],
    ['notes.v2.MD', 10, null],
    ['article.pdf', 10, UNSUPPORTED],
    ['article.json', 10, UNSUPPORTED],
    ['article.xhtml', 10, UNSUPPORTED],
    ['article', 10, UNSUPPORTED],
    ['article.txt.exe', 10, UNSUPPORTED],
    ['article.txt', MAX_FILE_BYTES, null],
    ['article.txt', MAX_FILE_BYTES + 1, 'Fichier trop volumineux : 5 Mo au plus.'],
    ['article.txt', 0, 'Ce fichier est vide.'],
    // The kind is checked first: an empty PDF is refused for being a PDF.
    ['article.pdf', 0, UNSUPPORTED],
  ];

  it.each(cases)('%s (%d bytes)', (name, size, problem) => {
    expect(fileProblem({ name, size })).toBe(problem);
  });
});

describe('fileSource', () => {
  it.each([
    ['page.HTML', { html: 'x' }],
    ['page.htm', { html: 'x' }],
    ['notes.md', { text: 'x', format: 'markdown' }],
    ['notes.markdown', { text: 'x', format: 'markdown' }],
    ['notes.txt', { text: 'x', format: 'text' }],
  ])('%s', (name, expected) => {
    expect(fileSource(name, 'x')).toEqual(expected);
  });
});
