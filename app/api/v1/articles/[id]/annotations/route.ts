import { publicBaseUrl } from '@/lib/api/base-url';
import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { listAnnotations } from '@/lib/server/annotations/list-annotations';
import { streamAnnotationCollection } from '@/lib/server/annotations/export-annotation-collection';
import { getRequiredUser } from '@/lib/server/session';
import { annotationListQuerySchema } from '@/lib/validations/annotation';
import { queryOf } from '@/lib/validations/query';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const { format } = annotationListQuerySchema.parse(queryOf(request.url));
  if (format === 'w3c') {
    // Streamed (chunked, no Content-Length); access errors are thrown before it starts.
    const body = await streamAnnotationCollection({
      userId: user.id,
      articleId,
      baseUrl: publicBaseUrl(request),
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      },
    });
  }
  return Response.json({ annotations: await listAnnotations({ userId: user.id, articleId }) });
});

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const input = await readJson(request);
  const annotation = await createAnnotation({ userId: user.id, articleId, input });
  return Response.json(annotation, { status: 201 });
});
