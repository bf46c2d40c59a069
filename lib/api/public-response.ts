// Answers for the public pages and feeds of app/p/** (no session): cache validators checked
// before any rendering (ETag and Last-Modified, 304 Not Modified), 404 for what never existed,
// 410 Gone for a fact-check its team withdrew. The documents carry no script, so their policy
// lets their own embedded styles apply and nothing else — the same as the downloaded HTML report.
import { REPORT_HTML_POLICY } from './report-response';

/** Shared caches may keep a page, but must ask again each time (a withdrawal is at once). */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export interface Validators {
  etag: string;
  lastModified: Date | null;
}

function notModified(request: Request, validators: Validators): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    // RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison.
    const strip = (tag: string) => tag.trim().replace(/^W\//, '');
    return (
      ifNoneMatch.trim() === '*' ||
      ifNoneMatch.split(',').some((tag) => strip(tag) === strip(validators.etag))
    );
  }
  const since = request.headers.get('if-modified-since');
  if (since === null || validators.lastModified === null) return false;
  const date = Date.parse(since);
  // HTTP dates have whole seconds.
  return !Number.isNaN(date) && Math.floor(validators.lastModified.getTime() / 1000) * 1000 <= date;
}

function validatorHeaders(validators: Validators): Record<string, string> {
  return {
    ETag: validators.etag,
    ...(validators.lastModified ? { 'Last-Modified': validators.lastModified.toUTCString() } : {}),
    'Cache-Control': CACHE_CONTROL,
  };
}

/** 304 when the client's copy is current, else the rendered document (rendered only then). */
export async function publicDocument(
  request: Request,
  validators: Validators,
  contentType: string,
  render: () => Promise<string>,
): Promise<Response> {
  const headers = validatorHeaders(validators);
  if (notModified(request, validators)) return new Response(null, { status: 304, headers });
  const body = request.method === 'HEAD' ? null : await render();
  return new Response(body, {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': contentType,
      'Content-Security-Policy': REPORT_HTML_POLICY,
    },
  });
}

const STATUS_PAGES = {
  404: { fr: 'Page introuvable', en: 'Page not found' },
  410: {
    fr: 'Cette vérification a été retirée par sa rédaction.',
    en: 'This fact-check was withdrawn by its newsroom.',
  },
} as const;

/** A short bilingual HTML answer for a missing (404) or withdrawn (410) public page. */
export function publicStatus(status: 404 | 410): Response {
  const text = STATUS_PAGES[status];
  const body = `<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${status}</title></head><body><p>${text.fr}</p><p lang="en">${text.en}</p></body></html>\n`;
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': CACHE_CONTROL,
      'Content-Security-Policy': REPORT_HTML_POLICY,
    },
  });
}
