import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { listRevisions } from '@/lib/server/articles/list-revisions';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  return Response.json({ revisions: await listRevisions({ userId: user.id, articleId }) });
});
