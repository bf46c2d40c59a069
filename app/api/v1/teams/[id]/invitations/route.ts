import { publicBaseUrl } from '@/lib/api/base-url';
import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { createInvitation } from '@/lib/server/teams/create-invitation';
import { listInvitations } from '@/lib/server/teams/list-invitations';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  return Response.json({ invitations: await listInvitations({ userId: user.id, teamId }) });
});

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  const input = await readJson(request);
  const invitation = await createInvitation({
    userId: user.id,
    teamId,
    baseUrl: publicBaseUrl(request),
    input,
  });
  return Response.json(invitation, { status: 201 });
});
