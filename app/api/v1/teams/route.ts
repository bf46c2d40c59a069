import { apiHandler, readJson } from '@/lib/api/respond';
import { getRequiredUser } from '@/lib/server/session';
import { createTeam } from '@/lib/server/teams/create-team';
import { listTeams } from '@/lib/server/teams/list-teams';

export const GET = apiHandler(async () => {
  const user = await getRequiredUser();
  return Response.json({ teams: await listTeams({ userId: user.id }) });
});

export const POST = apiHandler(async (request) => {
  const user = await getRequiredUser();
  const input = await readJson(request);
  return Response.json(await createTeam({ userId: user.id, input }), { status: 201 });
});
