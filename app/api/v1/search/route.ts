import { apiHandler } from '@/lib/api/respond';
import { searchSentences } from '@/lib/server/search/search';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler(async (request) => {
  const user = await getRequiredUser();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await searchSentences({ userId: user.id, query }));
});
