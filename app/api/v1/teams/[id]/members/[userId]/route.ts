import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { removeMember } from '@/lib/server/teams/remove-member';
import { updateMember } from '@/lib/server/teams/update-member';

export const PATCH = apiHandler<{ id: string; userId: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const { id, userId } = await params;
  const teamId = parseId(id, 'team');
  const memberId = parseId(userId, 'member');
  const input = await readJson(request);
  return Response.json(await updateMember({ userId: user.id, teamId, memberId, input }));
});

export const DELETE = apiHandler<{ id: string; userId: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const { id, userId } = await params;
  const teamId = parseId(id, 'team');
  const memberId = parseId(userId, 'member');
  return Response.json(await removeMember({ userId: user.id, teamId, memberId }));
});
