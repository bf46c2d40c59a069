import { publicBaseUrl } from '@/lib/api/base-url';
import { jobAccepted } from '@/lib/api/job-response';
import { reportResponse } from '@/lib/api/report-response';
import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getReport } from '@/lib/server/reports/get-report';
import { requestPdfReport } from '@/lib/server/reports/pdf-report';
import { getRequiredUser } from '@/lib/server/session';
import { queryOf } from '@/lib/validations/query';
import { reportQuerySchema } from '@/lib/validations/report';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const query = reportQuerySchema.parse(queryOf(request.url));
  const baseUrl = publicBaseUrl(request);
  // The PDF is rendered by a worker: 202 and the job, whose result is the file.
  if (query.format === 'pdf') {
    return jobAccepted(await requestPdfReport({ userId: user.id, articleId, baseUrl }));
  }
  const report = await getReport({ userId: user.id, articleId, baseUrl, query });
  return reportResponse(report, query);
});
