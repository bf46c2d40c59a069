import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { revokeToken } from '@/lib/server/tokens/revoke-token';

export const DELETE = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const tokenId = parseId((await params).id, 'token');
  return Response.json(await revokeToken({ userId: user.id, tokenId }));
});
