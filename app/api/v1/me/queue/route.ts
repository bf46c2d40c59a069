import { apiHandler } from '@/lib/api/respond';
import { getQueue } from '@/lib/server/queue/get-queue';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler(async () => {
  const user = await getRequiredUser();
  return Response.json(await getQueue({ userId: user.id }));
});
