import { apiHandler, readJson } from '@/lib/api/respond';
import { getRequiredSessionUser, getRequiredUser } from '@/lib/server/session';
import { createToken } from '@/lib/server/tokens/create-token';
import { listTokens } from '@/lib/server/tokens/list-tokens';

export const GET = apiHandler(async () => {
  const user = await getRequiredUser();
  return Response.json({ tokens: await listTokens({ userId: user.id }) });
});

export const POST = apiHandler(async (request) => {
  const user = await getRequiredSessionUser();
  const input = await readJson(request);
  return Response.json(await createToken({ userId: user.id, input }), { status: 201 });
});
