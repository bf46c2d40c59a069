import { apiHandler, readJson, readOptionalJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { deleteAnnotation, updateAnnotation } from '@/lib/server/annotations/change-annotation';
import { getRequiredUser } from '@/lib/server/session';

export const PATCH = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const annotationId = parseId((await params).id, 'highlight');
  const input = await readJson(request);
  return Response.json(await updateAnnotation({ userId: user.id, annotationId, input }));
});

export const DELETE = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const annotationId = parseId((await params).id, 'highlight');
  const input = await readOptionalJson(request);
  return Response.json(await deleteAnnotation({ userId: user.id, annotationId, input }));
});
