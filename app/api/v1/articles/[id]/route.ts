import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { deleteArticle } from '@/lib/server/articles/delete-article';
import { articleResponse, getArticle } from '@/lib/server/articles/get-article';
import { updateArticle } from '@/lib/server/articles/update-article';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const article = await getArticle({ userId: user.id, articleId });
  return Response.json(articleResponse(article));
});

export const PATCH = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const input = await readJson(request);
  const article = await updateArticle({ userId: user.id, articleId, input });
  return Response.json(article);
});

export const DELETE = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  return Response.json(await deleteArticle({ userId: user.id, articleId }));
});
