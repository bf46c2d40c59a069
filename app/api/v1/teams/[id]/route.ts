import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { deleteTeam } from '@/lib/server/teams/delete-team';
import { updateTeam } from '@/lib/server/teams/update-team';

export const PATCH = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  const input = await readJson(request);
  return Response.json(await updateTeam({ userId: user.id, teamId, input }));
});

export const DELETE = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  const input = await readJson(request);
  return Response.json(await deleteTeam({ userId: user.id, teamId, input }));
});
