import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { listMembers } from '@/lib/server/teams/list-members';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  return Response.json(await listMembers({ userId: user.id, teamId }));
});
