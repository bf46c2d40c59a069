import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getAgreement } from '@/lib/server/articles/get-agreement';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  return Response.json(await getAgreement({ userId: user.id, articleId }));
});
