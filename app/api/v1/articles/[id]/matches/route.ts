import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { listMatchMarks } from '@/lib/server/matching/find-matches';
import { getRequiredUser } from '@/lib/server/session';
import { queryOf } from '@/lib/validations/query';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const marks = await listMatchMarks({ userId: user.id, articleId, query: queryOf(request.url) });
  return Response.json({ marks });
});
