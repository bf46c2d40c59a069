import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { assignSentence } from '@/lib/server/sentences/assign-sentence';
import { getRequiredUser } from '@/lib/server/session';

export const PUT = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  const input = await readJson(request);
  return Response.json(await assignSentence({ userId: user.id, sentenceId, input }));
});
