import { apiHandler } from '@/lib/api/respond';
import { getRequiredUser } from '@/lib/server/session';
import { getInvitation } from '@/lib/server/teams/get-invitation';

export const GET = apiHandler<{ token: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const { token } = await params;
  return Response.json(await getInvitation({ userId: user.id, token }));
});
