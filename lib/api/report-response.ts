// A rendered report as an HTTP answer: a download unless `download=0`, its length known up
// front (the UI shows download progress), and for the HTML report a policy that lets its own
// styles apply and nothing else (no scripts, no requests).
import type { RenderedReport } from '@/lib/server/reports/get-report';

export function reportResponse(report: RenderedReport, request: Request): Response {
  const download = new URL(request.url).searchParams.get('download') !== '0';
  const body =
    typeof report.body === 'string' ? new TextEncoder().encode(report.body) : report.body;
  return new Response(body, {
    headers: {
      'Content-Type': report.contentType,
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'private, no-store',
      ...(report.contentType.startsWith('text/html')
        ? {
            'Content-Security-Policy':
              "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          }
        : {}),
      ...(download ? { 'Content-Disposition': `attachment; filename="${report.filename}"` } : {}),
    },
  });
}
