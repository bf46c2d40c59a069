import { apiHandler, readJson } from '@/lib/api/respond';
import { createArticle } from '@/lib/server/articles/create-article';
import { articleResponse } from '@/lib/server/articles/get-article';
import { listArticles } from '@/lib/server/articles/list-articles';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler(async () => {
  const user = await getRequiredUser();
  const articles = await listArticles({ userId: user.id });
  return Response.json({
    articles: articles.map(
      ({ id, teamId, title, language, partial, sentenceCount, checkedCount }) => ({
        id,
        teamId,
        title,
        language,
        partial,
        sentenceCount,
        checkedCount,
      }),
    ),
  });
});

export const POST = apiHandler(async (request) => {
  const user = await getRequiredUser();
  const input = await readJson(request);
  const article = await createArticle({ userId: user.id, input });
  return Response.json(articleResponse(article), { status: 201 });
});
