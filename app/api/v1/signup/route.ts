import { apiHandler, readJson } from '@/lib/api/respond';
import { clientAddress } from '@/lib/server/rate-limit';
import { createUser } from '@/lib/server/users/create-user';

// The one public write: creating an account (same rules as the sign-up page).
export const POST = apiHandler(async (request) => {
  const user = await createUser(await readJson(request), clientAddress(request.headers));
  return Response.json(user, { status: 201 });
});
