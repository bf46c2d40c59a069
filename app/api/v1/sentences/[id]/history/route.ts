import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getSentenceHistory } from '@/lib/server/sentences/get-sentence-history';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  return Response.json({ events: await getSentenceHistory({ userId: user.id, sentenceId }) });
});
