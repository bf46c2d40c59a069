import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { listFactCheckPublishers } from '@/lib/server/fact-checks/fact-check-publishers';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  return Response.json({
    publishers: await listFactCheckPublishers({ userId: user.id, teamId }),
  });
});
