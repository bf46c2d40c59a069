import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { listAnnotations } from '@/lib/server/annotations/list-annotations';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'Article');
  return Response.json({ annotations: await listAnnotations({ userId: user.id, articleId }) });
});

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'Article');
  const input = await readJson(request);
  const annotation = await createAnnotation({ userId: user.id, articleId, input });
  return Response.json(annotation, { status: 201 });
});
