import { publicBaseUrl } from '@/lib/api/base-url';
import { reportResponse } from '@/lib/api/report-response';
import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getReport } from '@/lib/server/reports/get-report';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'Article');
  const report = await getReport({
    userId: user.id,
    articleId,
    baseUrl: publicBaseUrl(request),
    query: Object.fromEntries(new URL(request.url).searchParams),
  });
  return reportResponse(report, request);
});
