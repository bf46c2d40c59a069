// Turns an article source (pasted text, Markdown, an uploaded or fetched HTML page, a URL) into
// plain text plus the metadata found in it. HTML is only ever read, never stored: what is kept
// is the text extracted from the page's main content. Failures become one clear 422.
import 'server-only';
import {
  extractFromHtml,
  extractFromMarkdown,
  extractFromText,
  ImportError,
  type ExtractedArticle,
} from '@/lib/import/extract';
import { AppError } from '@/lib/server/errors';
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
      const extracted =
        fetched.contentType === 'text/html'
          ? extractFromHtml(fetched.body, { url: fetched.finalUrl })
          : fetched.contentType === 'text/markdown'
            ? extractFromMarkdown(fetched.body)
            : extractFromText(fetched.body);
      return { ...extracted, sourceUrl: extracted.sourceUrl ?? fetched.finalUrl, kind: 'url' };
    }
    if (source.html !== undefined) return { ...extractFromHtml(source.html), kind: 'upload' };
    const text = source.text ?? '';
    return {
      ...(source.format === 'markdown' ? extractFromMarkdown(text) : extractFromText(text)),
      kind: 'paste',
    };
  } catch (error) {
    if (error instanceof ImportError || error instanceof FetchRefused) {
      throw new AppError('import_failed', error.message, { reason: error.code });
    }
    throw error;
  }
}
