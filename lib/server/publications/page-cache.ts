// Rendered public documents (pages, index, feeds) kept in this process, keyed by their address
// and their ETag. The key comes from the database on every request (findPublicPage reads the
// validators first), so a cached copy is only ever served for exactly the state it was rendered
// from: a correction, a withdrawal or a setting changes the ETag (or answers 410) at once, in
// every app instance. Least recently used copies go first beyond PAGE_CACHE_MAX_BYTES.
import 'server-only';

/** What the cache holds at most, counted as UTF-16 code units × 2. */
export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

const pages = new Map<string, string>();
let held = 0;

function size(text: string): number {
  return text.length * 2;
}

/** The document for `key`, rendered by `render` unless a copy is held; the copy becomes newest. */
export async function cachedDocument(key: string, render: () => Promise<string>): Promise<string> {
  const hit = pages.get(key);
  if (hit !== undefined) {
    pages.delete(key);
    pages.set(key, hit);
    return hit;
  }
  const document = await render();
  if (size(document) > PAGE_CACHE_MAX_BYTES / 4) return document;
  pages.set(key, document);
  held += size(document);
  for (const [oldest, text] of pages) {
    if (held <= PAGE_CACHE_MAX_BYTES) break;
    pages.delete(oldest);
    held -= size(text);
  }
  return document;
}

/** For tests: forget every copy. */
export function clearPageCache(): void {
  pages.clear();
  held = 0;
}
