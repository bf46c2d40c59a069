import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { listSentenceStates } from '@/lib/server/verdicts/list-sentence-states';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  return Response.json({ states: await listSentenceStates({ userId: user.id, articleId }) });
});
