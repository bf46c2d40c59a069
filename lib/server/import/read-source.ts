// Turns an article source (pasted text, Markdown, an uploaded or fetched HTML page, a URL) into
// plain text plus the metadata found in it. HTML is only ever read, never stored: what is kept
// is the text extracted from the page's main content. Failures become one clear 422.
import 'server-only';
import { extractFromSource, ImportError, type ExtractedArticle } from '@/lib/import/extract';
import { mediaTypeOf } from '@/lib/import/media-type';
import { AppError, importText } from '@/lib/server/errors';
import type { ArticleSourceInput } from '@/lib/validations/article';
import { fetchArticleSource, FetchRefused } from './fetch-url';

export type SourceKind = 'paste' | 'upload' | 'url';

export interface ReadSource extends ExtractedArticle {
  kind: SourceKind;
}

export async function readSource(source: ArticleSourceInput): Promise<ReadSource> {
  try {
    if (source.url !== undefined) {
      const fetched = await fetchArticleSource(source.url);
      const extracted = extractFromSource(fetched.body, fetched.contentType, {
        url: fetched.finalUrl,
      });
      return { ...extracted, kind: 'url' };
    }
    if (source.html !== undefined) {
      return { ...extractFromSource(source.html, mediaTypeOf('html')), kind: 'upload' };
    }
    return { ...extractFromSource(source.text ?? '', mediaTypeOf(source.format)), kind: 'paste' };
  } catch (error) {
    if (error instanceof ImportError || error instanceof FetchRefused) {
      throw new AppError('import_failed', importText(error.text), { reason: error.code });
    }
    throw error;
  }
}
