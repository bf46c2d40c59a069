import { publicBaseUrl } from '@/lib/api/base-url';
import { reportResponse } from '@/lib/api/report-response';
import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'Rédaction');
  const report = await getTeamReport({
    userId: user.id,
    teamId,
    baseUrl: publicBaseUrl(request),
    query: Object.fromEntries(new URL(request.url).searchParams),
  });
  return reportResponse(report, request);
});
