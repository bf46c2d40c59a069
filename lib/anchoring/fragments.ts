/**
 * Links into an article: reading the URL fragment that names a sentence or a highlight, and
 * writing a highlight's.
 *
 * `#sentence-N` is the one the reports and the ClaimReview export write, N the unit's 1-based
 * number as readers see it (index + 1); it is written by lib/workflow/sentence-link.ts.
 * `#annotation-{id}` is the W3C export's (lib/server/annotations/export-annotation-collection.ts: an
 * annotation's id is the article URL + `#annotation-` + the URI-encoded FactDesk id);
 * `#highlight-{id}` is read too, as the name people type. Pure: shared by server and browser.
 */

export function annotationFragment(id: string): string {
  return `annotation-${encodeURIComponent(id)}`;
}

export type ArticleFragment =
  | { kind: 'sentence'; /** 0-based unit index */ index: number }
  | { kind: 'annotation'; id: string };

const SENTENCE = /^sentence-([1-9]\d{0,8})$/;
const ANNOTATION = /^(?:annotation|highlight)-(.+)$/;

/** What a location hash (`#sentence-3`, `annotation-…`, with or without `#`) points at. */
export function parseArticleFragment(hash: string): ArticleFragment | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const sentence = SENTENCE.exec(fragment);
  if (sentence) return { kind: 'sentence', index: Number(sentence[1]) - 1 };
  const annotation = ANNOTATION.exec(fragment);
  if (annotation) {
    let id: string;
    try {
      id = decodeURIComponent(annotation[1]!);
    } catch {
      return null; // a broken %-escape names nothing
    }
    return id.trim() === '' ? null : { kind: 'annotation', id };
  }
  return null;
}
