import { apiHandler } from '@/lib/api/respond';
import { publicBaseUrl } from '@/lib/api/base-url';
import { parseId } from '@/lib/server/access';
import { getReport } from '@/lib/server/reports/get-report';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'Article');
  const url = new URL(request.url);
  const report = await getReport({
    userId: user.id,
    articleId,
    baseUrl: publicBaseUrl(request),
    query: Object.fromEntries(url.searchParams),
  });
  const download = url.searchParams.get('download') !== '0';
  return new Response(report.body, {
    headers: {
      'Content-Type': report.contentType,
      'Cache-Control': 'private, no-store',
      ...(download ? { 'Content-Disposition': `attachment; filename="${report.filename}"` } : {}),
    },
  });
});
