import { apiHandler } from '@/lib/api/respond';
import { searchClaims } from '@/lib/server/matching/find-matches';
import { getRequiredUser } from '@/lib/server/session';
import { queryOf } from '@/lib/validations/query';

export const GET = apiHandler(async (request) => {
  const user = await getRequiredUser();
  return Response.json({
    matches: await searchClaims({ userId: user.id, query: queryOf(request.url) }),
  });
});
