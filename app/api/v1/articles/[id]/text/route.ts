import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { articleResponse } from '@/lib/server/articles/get-article';
import { reviseArticle } from '@/lib/server/articles/revise-article';
import { getRequiredUser } from '@/lib/server/session';

export const PUT = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'Article');
  const input = await readJson(request);
  return Response.json(articleResponse(await reviseArticle({ userId: user.id, articleId, input })));
});
