import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { queryOf } from '@/lib/validations/query';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  return Response.json(
    await listTeamAudit({ userId: user.id, teamId, query: queryOf(request.url) }),
  );
});
