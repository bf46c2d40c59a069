import { apiHandler, readJson } from '@/lib/api/respond';
import { getRequiredSessionUser } from '@/lib/server/session';
import { deleteAccount } from '@/lib/server/users/delete-account';

// Only the person at the keyboard deletes their account: a browser session, never a token.
export const DELETE = apiHandler(async (request) => {
  const user = await getRequiredSessionUser();
  const input = await readJson(request);
  return Response.json(await deleteAccount({ userId: user.id, input }));
});
