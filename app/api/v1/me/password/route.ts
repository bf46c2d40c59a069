import { apiHandler, readJson } from '@/lib/api/respond';
import { changePassword } from '@/lib/server/auth/change-password';
import { getRequiredSessionUser } from '@/lib/server/session';

/** A new password (the current one required); the account's other sessions end. */
export const PUT = apiHandler(async (request) => {
  const user = await getRequiredSessionUser();
  const input = await readJson(request);
  return Response.json(
    await changePassword({ userId: user.id, currentSessionId: user.sessionId, input }),
  );
});
