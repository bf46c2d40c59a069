import { apiHandler } from '@/lib/api/respond';
import { getRequiredUser } from '@/lib/server/session';
import { acceptInvitation } from '@/lib/server/teams/accept-invitation';

export const POST = apiHandler<{ token: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const { token } = await params;
  return Response.json(await acceptInvitation({ userId: user.id, token }));
});
