import { apiHandler } from '@/lib/api/respond';
import { listSessions } from '@/lib/server/auth/list-sessions';
import { revokeAllSessions } from '@/lib/server/auth/revoke-all-sessions';
import { getRequiredSessionUser } from '@/lib/server/session';

export const GET = apiHandler(async () => {
  const user = await getRequiredSessionUser();
  return Response.json({
    sessions: await listSessions({ userId: user.id, currentSessionId: user.sessionId }),
  });
});

/** "Sign out everywhere": every session of the account ends, this one included. */
export const DELETE = apiHandler(async () => {
  const user = await getRequiredSessionUser();
  return Response.json(await revokeAllSessions({ userId: user.id }));
});
