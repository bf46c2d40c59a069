import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { revokeInvitation } from '@/lib/server/teams/revoke-invitation';

export const DELETE = apiHandler<{ id: string; invitationId: string }>(
  async (_request, { params }) => {
    const user = await getRequiredUser();
    const { id, invitationId } = await params;
    const teamId = parseId(id, 'team');
    return Response.json(
      await revokeInvitation({
        userId: user.id,
        teamId,
        invitationId: parseId(invitationId, 'invitation'),
      }),
    );
  },
);
