// A rendered report as an HTTP answer: a download unless `download=0` (read by the route's query
// schema, lib/validations/report.ts), and for the HTML report a policy that lets its own styles
// apply and nothing else (no scripts, no requests). Streamed reports go out as they are written,
// chunked and without a length (the browser shows bytes received); a whole body (the PDF, team
// reports) keeps its Content-Length.
import type { RenderedReport } from '@/lib/server/reports/get-report';

export const REPORT_HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function reportResponse(
  report: RenderedReport,
  query: { download?: '0' | '1' | undefined },
): Response {
  const download = query.download !== '0';
  const body =
    typeof report.body === 'string' ? new TextEncoder().encode(report.body) : report.body;
  return new Response(body, {
    headers: {
      'Content-Type': report.contentType,
      ...(body instanceof Uint8Array ? { 'Content-Length': String(body.byteLength) } : {}),
      'Cache-Control': 'private, no-store',
      ...(report.contentType.startsWith('text/html')
        ? { 'Content-Security-Policy': REPORT_HTML_POLICY }
        : {}),
      ...(download ? { 'Content-Disposition': `attachment; filename="${report.filename}"` } : {}),
    },
  });
}
