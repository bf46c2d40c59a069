import { jobAccepted } from '@/lib/api/job-response';
import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { requestAnnotationImport } from '@/lib/server/annotations/request-annotation-import';
import { getRequiredUser } from '@/lib/server/session';
import { IMPORT_MAX_BODY_BYTES } from '@/lib/validations/limits';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const input = await readJson(request, { maxBytes: IMPORT_MAX_BODY_BYTES });
  const outcome = await requestAnnotationImport({ userId: user.id, articleId, input });
  if (outcome.job) return jobAccepted(outcome.job);
  const { imported, skipped } = outcome.result;
  return Response.json({ imported, skipped }, { status: 201 });
});
