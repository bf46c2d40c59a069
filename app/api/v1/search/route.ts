import { apiHandler } from '@/lib/api/respond';
import { searchSentences } from '@/lib/server/search/search-sentences';
import { getRequiredUser } from '@/lib/server/session';
import { queryOf } from '@/lib/validations/query';

export const GET = apiHandler(async (request) => {
  const user = await getRequiredUser();
  return Response.json(await searchSentences({ userId: user.id, query: queryOf(request.url) }));
});
