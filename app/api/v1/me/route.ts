import { apiHandler, readJson } from '@/lib/api/respond';
import { getRequiredSessionUser, getRequiredUser } from '@/lib/server/session';
import { deleteAccount } from '@/lib/server/users/delete-account';
import { updateAccount } from '@/lib/server/users/update-account';

// Name, language and time zone: a script with the account's token may set them too.
export const PATCH = apiHandler(async (request) => {
  const user = await getRequiredUser();
  const input = await readJson(request);
  return Response.json(await updateAccount({ userId: user.id, input }));
});

// Only the person at the keyboard deletes their account: a browser session, never a token.
export const DELETE = apiHandler(async (request) => {
  const user = await getRequiredSessionUser();
  const input = await readJson(request);
  return Response.json(await deleteAccount({ userId: user.id, input }));
});
