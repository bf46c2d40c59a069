// The worker's side of a large W3C import (job kind annotations_import).
import 'server-only';
import { prisma } from '@/lib/db';
import { runInLocale } from '@/lib/i18n/request-locale';
import { localeOf } from '@/lib/i18n/locales';
import { AppError } from '@/lib/server/errors';
import type { JobContext } from '@/lib/server/jobs/run-job';
import { importAnnotationCollection } from './import-annotation-collection';

/** Messages kept in a job's result (the first ones; the count says how many there were). */
const SKIPPED_KEPT = 100;

export async function runAnnotationImportJob(ctx: JobContext): Promise<void> {
  const articleId = ctx.job.articleId;
  if (!articleId) throw new AppError('validation_failed', 'missingArticle');
  // The skipped items' reasons, kept in the result, in the language of the account that asked
  // (its preference; French when it chose none).
  const requester = await prisma.user.findUnique({
    where: { id: ctx.job.createdById },
    select: { locale: true },
  });
  await runInLocale(localeOf(requester?.locale), () => importInJob(ctx, articleId));
}

async function importInJob(ctx: JobContext, articleId: string): Promise<void> {
  await importAnnotationCollection({
    userId: ctx.job.createdById,
    articleId,
    input: ctx.job.input,
    onProgress: (fraction) => ctx.progress(0.9 * fraction),
    inTransaction: async (tx, done) => {
      await ctx.guard(tx);
      await ctx.complete(tx, {
        articleId,
        result: {
          imported: done.importedCount,
          skippedCount: done.skipped.length,
          skipped: done.skipped.slice(0, SKIPPED_KEPT),
        },
      });
    },
  });
}
