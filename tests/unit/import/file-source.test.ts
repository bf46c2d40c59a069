// The import form's file check and the body it builds, read from the import's one table
// (lib/import/media-type.ts): the files it took before are kept. The check names the problem;
// its words are the catalogue's (importing.fileProblem), the same French sentences as before.
import { describe, expect, it } from 'vitest';
import {
  fileProblem,
  fileSource,
  MAX_FILE_BYTES,
  type FileProblem,
} from '@/components/import/file-source';
import en from '@/lib/i18n/messages/en/importing.json';
import fr from '@/lib/i18n/messages/fr/importing.json';

describe('fileProblem', () => {
  const cases: [name: string, size: number, problem: FileProblem | null][] = [
    ['article.txt', 10, null],
    ['article.md', 10, null],
    ['article.markdown', 10, null],
    ['article.html', 10, null],
    ['Article.HTM', 10, null],
    ['notes.v2.MD', 10, null],
    ['article.pdf', 10, 'unsupported'],
    ['article.json', 10, 'unsupported'],
    ['article.xhtml', 10, 'unsupported'],
    ['article', 10, 'unsupported'],
    ['article.txt.exe', 10, 'unsupported'],
    ['article.txt', MAX_FILE_BYTES, null],
    ['article.txt', MAX_FILE_BYTES + 1, 'tooLarge'],
    ['article.txt', 0, 'empty'],
    // The kind is checked first: an empty PDF is refused for being a PDF.
    ['article.pdf', 0, 'unsupported'],
  ];

  it.each(cases)('%s (%d bytes)', (name, size, problem) => {
    expect(fileProblem({ name, size })).toBe(problem);
  });

  it('words every problem in both languages, the French as the form said it before', () => {
    expect(fr.fileProblem).toEqual({
      unsupported: 'Format non pris en charge : choisissez un fichier .txt, .md ou .html.',
      tooLarge: 'Fichier trop volumineux : 5 Mo au plus.',
      empty: 'Ce fichier est vide.',
    });
    expect(Object.keys(en.fileProblem).sort()).toEqual(Object.keys(fr.fileProblem).sort());
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
