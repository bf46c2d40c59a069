import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { revokeSession } from '@/lib/server/auth/revoke-session';
import { getRequiredSessionUser } from '@/lib/server/session';

export const DELETE = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredSessionUser();
  const sessionId = parseId((await params).id, 'session');
  return Response.json(await revokeSession({ userId: user.id, sessionId }));
});
