import { apiHandler } from '@/lib/api/respond';
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
