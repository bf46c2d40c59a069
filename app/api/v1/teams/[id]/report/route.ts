import { publicBaseUrl } from '@/lib/api/base-url';
import { reportResponse } from '@/lib/api/report-response';
import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { getRequiredUser } from '@/lib/server/session';
import { queryOf } from '@/lib/validations/query';
import { teamReportQuerySchema } from '@/lib/validations/report';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  const query = teamReportQuerySchema.parse(queryOf(request.url));
  const report = await getTeamReport({
    userId: user.id,
    teamId,
    baseUrl: publicBaseUrl(request),
    query,
  });
  return reportResponse(report, query);
});
