import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { resolveDispute } from '@/lib/server/verdicts/resolve-dispute';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  const input = await readJson(request);
  const finalVerdict = await resolveDispute({ userId: user.id, sentenceId, input });
  return Response.json({ finalVerdict });
});
