// A file chosen in the import form: whether it can be imported (kind, size), and the source
// part of the request body it becomes. Which files are read is the import's one table
// (lib/import/media-type.ts), so the picker, this check and the server cannot disagree. Pure:
// no React, so the rule is tested without a browser; the words for a problem are the
// catalogue's (importing.fileProblem.<problem>).
import { sourceFormatOfFileName } from '@/lib/import/media-type';
import type { ArticleSourceInput } from '@/lib/validations/article';

/** 5 Mo: the API takes 5 million characters at most, and a character is at least one byte. */
export const MAX_FILE_BYTES = 5_000_000;

/** What the body carries for a text, a file or an address (the API takes exactly one). */
export type ArticleSource =
  { text: string; format: ArticleSourceInput['format'] } | { html: string } | { url: string };

/** Why a file cannot be imported: its kind, its size, or nothing in it. */
export type FileProblem = 'unsupported' | 'tooLarge' | 'empty';

/** Why a chosen file cannot be imported, or null when it can. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  if (sourceFormatOfFileName(file.name) === null) return 'unsupported';
  if (file.size > MAX_FILE_BYTES) return 'tooLarge';
  if (file.size === 0) return 'empty';
  return null;
}

/** The body's source for a file's content, read as its name says (HTML, Markdown or text). */
export function fileSource(name: string, content: string): ArticleSource {
  const format = sourceFormatOfFileName(name);
  // A name the table does not know never gets here (fileProblem refuses it): text, as before.
  return format === 'html' ? { html: content } : { text: content, format: format ?? 'text' };
}
