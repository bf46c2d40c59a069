// POST /api/v1/articles/{id}/annotations/import: in the request when small, else a job.
import 'server-only';
import { prisma } from '@/lib/db';
import type { JobDto } from '@/lib/api/job-types';
import { countAnnotationItems } from '@/lib/reports';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { serializeJob } from '@/lib/server/jobs/serialize-job';
import { SYNC_ANNOTATION_IMPORT_MAX } from '@/lib/validations/limits';
import {
  checkImportSize,
  importAnnotationCollection,
  parseImport,
} from './import-annotation-collection';

/**
 * POST /api/v1/articles/{id}/annotations/import: up to SYNC_ANNOTATION_IMPORT_MAX items are
 * imported in the request (201); more go to a worker (202 and a job). Refused before any work:
 * non-members, roles that may not highlight, more than IMPORT_MAX_ANNOTATIONS items.
 */
export async function requestAnnotationImport(options: {
  userId: string;
  articleId: string;
  input: unknown;
}): Promise<
  | { result: Awaited<ReturnType<typeof importAnnotationCollection>>; job?: never }
  | { job: JobDto; result?: never }
> {
  // Only counted here: reading 5,000 items is the worker's work (~140 ms of the event loop).
  const total = countAnnotationItems(options.input);
  checkImportSize(total);
  if (total <= SYNC_ANNOTATION_IMPORT_MAX) {
    return {
      result: await importAnnotationCollection({ ...options, parsed: parseImport(options.input) }),
    };
  }
  const job = await prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: options.articleId, ...articleOfMember(options.userId) },
      select: { id: true, teamId: true, ...myMembership(options.userId) },
    });
    if (!article) throw notFound('article');
    requirePermission(article.team.memberships[0], 'annotation.create');
    return enqueueJob(tx, {
      kind: 'annotations_import',
      userId: options.userId,
      teamId: article.teamId,
      articleId: article.id,
      // The document as received (stored as one JSON text parameter, read by the worker).
      input: options.input,
    });
  });
  return { job: serializeJob(job) };
}
