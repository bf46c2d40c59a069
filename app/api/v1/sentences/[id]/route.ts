import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { getSentence } from '@/lib/server/sentences/get-sentence';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  return Response.json(await getSentence({ userId: user.id, sentenceId }));
});
