import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { setPublisherTrust } from '@/lib/server/fact-checks/fact-check-publishers';
import { getRequiredUser } from '@/lib/server/session';

export const PATCH = apiHandler<{ id: string; publisherId: string }>(
  async (request, { params }) => {
    const user = await getRequiredUser();
    const { id, publisherId } = await params;
    // Ids before the body: an address that cannot exist is a 404, whatever was sent.
    const teamId = parseId(id, 'team');
    const publisher = parseId(publisherId, 'publisher');
    const input = await readJson(request);
    return Response.json(
      await setPublisherTrust({ userId: user.id, teamId, publisherId: publisher, input }),
    );
  },
);
