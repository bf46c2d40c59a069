import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { addFactCheckFeed, listFactCheckFeeds } from '@/lib/server/fact-checks/fact-check-feeds';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  return Response.json({ feeds: await listFactCheckFeeds({ userId: user.id, teamId }) });
});

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  const input = await readJson(request);
  return Response.json(await addFactCheckFeed({ userId: user.id, teamId, input }), {
    status: 201,
  });
});
