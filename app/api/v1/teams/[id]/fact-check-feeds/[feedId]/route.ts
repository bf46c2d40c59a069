import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { removeFactCheckFeed } from '@/lib/server/fact-checks/fact-check-feeds';
import { getRequiredUser } from '@/lib/server/session';

export const DELETE = apiHandler<{ id: string; feedId: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const { id, feedId } = await params;
  await removeFactCheckFeed({
    userId: user.id,
    teamId: parseId(id, 'team'),
    feedId: parseId(feedId, 'feed'),
  });
  return new Response(null, { status: 204 });
});
