import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { findSentenceMatches } from '@/lib/server/matching/find-matches';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  return Response.json({ matches: await findSentenceMatches({ userId: user.id, sentenceId }) });
});
