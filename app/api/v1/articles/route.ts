import { apiHandler, readJson } from '@/lib/api/respond';
import { jobAccepted } from '@/lib/api/job-response';
import { requestArticleImport } from '@/lib/server/articles/create-article';
import { articleResponse } from '@/lib/server/articles/get-article';
import { articleListResponse, listArticles } from '@/lib/server/articles/list-articles';
import { getRequiredUser } from '@/lib/server/session';
import { IMPORT_MAX_BODY_BYTES } from '@/lib/validations/limits';

export const GET = apiHandler(async () => {
  const user = await getRequiredUser();
  const articles = await listArticles({ userId: user.id });
  return Response.json(articleListResponse(articles));
});

export const POST = apiHandler(async (request) => {
  const user = await getRequiredUser();
  const input = await readJson(request, { maxBytes: IMPORT_MAX_BODY_BYTES });
  const outcome = await requestArticleImport({ userId: user.id, input });
  if (outcome.job) return jobAccepted(outcome.job);
  return Response.json(articleResponse(outcome.article), { status: 201 });
});
