// An archived copy of a source, served back by FactDesk: the bytes as they were fetched, under a
// policy that makes the page inert — `sandbox` (a unique origin: no script runs, no form is
// sent, no plugin, no top navigation), nothing loaded from anywhere (`default-src 'none'`; its
// own inline styles only), no sniffing of another type. A PDF is a download: a sandboxed
// document cannot host the browser's PDF viewer.
import type { SnapshotCopy } from '@/lib/server/sources/snapshots';

export const ARCHIVE_POLICY =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

export function archiveResponse(copy: SnapshotCopy, cache: 'public' | 'private'): Response {
  const isPdf = copy.contentType.toLowerCase().startsWith('application/pdf');
  return new Response(new Uint8Array(copy.body), {
    headers: {
      'Content-Type': copy.contentType,
      'Content-Length': String(copy.body.byteLength),
      'Content-Security-Policy': ARCHIVE_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      // An archived copy never changes.
      'Cache-Control': `${cache}, max-age=86400, immutable`,
      'Last-Modified': copy.fetchedAt.toUTCString(),
      ...(isPdf ? { 'Content-Disposition': 'attachment; filename="archive.pdf"' } : {}),
    },
  });
}
