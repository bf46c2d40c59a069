import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { importAnnotationCollection } from '@/lib/server/annotations/w3c-annotations';
import { getRequiredUser } from '@/lib/server/session';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'Article');
  const input = await readJson(request);
  const result = await importAnnotationCollection({ userId: user.id, articleId, input });
  return Response.json(result, { status: 201 });
});
