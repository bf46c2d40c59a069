import { jobAccepted } from '@/lib/api/job-response';
import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { requestRevision } from '@/lib/server/articles/revise-article';
import { getRequiredUser } from '@/lib/server/session';
import { IMPORT_MAX_BODY_BYTES } from '@/lib/validations/limits';

/** A correction is re-anchored by a worker: 202 and the job (its result is the new version). */
export const PUT = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const input = await readJson(request, { maxBytes: IMPORT_MAX_BODY_BYTES });
  return jobAccepted(await requestRevision({ userId: user.id, articleId, input }));
});
