// W3C Web Annotation import: each item of an AnnotationCollection anchored like a highlight
// made in the reader, the ones that do not match the text reported, never half-imported (one
// transaction). Small imports run in the request, large ones in a worker
// (request-annotation-import.ts, run-annotation-import-job.ts).
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import type { Selector } from '@/lib/anchoring';
import { countAnnotationItems, parseAnnotationCollection } from '@/lib/reports';
import { AppError, verbatim } from '@/lib/server/errors';
import { JOB_TRANSACTION } from '@/lib/server/jobs/run-job';
import { IMPORT_MAX_ANNOTATIONS } from '@/lib/validations/limits';
import { createAnnotationsInTransaction } from './create-annotation';

export function checkImportSize(total: number): void {
  if (total > IMPORT_MAX_ANNOTATIONS) {
    throw new AppError(
      'payload_too_large',
      { key: 'tooManyAnnotations', values: { limit: IMPORT_MAX_ANNOTATIONS, actual: total } },
      { limit: IMPORT_MAX_ANNOTATIONS, actual: total },
    );
  }
}

export function parseImport(input: unknown) {
  checkImportSize(countAnnotationItems(input));
  const parsed = parseAnnotationCollection(input);
  if (parsed.annotations.length === 0) {
    throw new AppError(
      'validation_failed',
      parsed.errors[0] ? verbatim(parsed.errors[0]) : 'noUsableAnnotation',
      parsed.errors.map((message) => ({ path: 'items', message })),
    );
  }
  return parsed;
}

/** The import itself, in one transaction (the request path for small ones, a worker else). */
export async function importAnnotationCollection(options: {
  userId: string;
  articleId: string;
  input: unknown;
  /** Already read (a job keeps the parsed annotations, not the raw document). */
  parsed?: { annotations: { note: string | null; selectors: Selector[] }[]; errors: string[] };
  onProgress?: (fraction: number) => Promise<void>;
  /** Last step of the import's transaction (a job completes itself there). */
  inTransaction?: (tx: Tx, done: { importedCount: number; skipped: string[] }) => Promise<void>;
}) {
  const parsed = options.parsed ?? parseImport(options.input);
  const created = await prisma.$transaction(
    async (tx) => {
      const done = await createAnnotationsInTransaction(tx, {
        userId: options.userId,
        articleId: options.articleId,
        items: parsed.annotations.map((a) => ({ selector: a.selectors, note: a.note })),
        onProgress: options.onProgress,
        returnRows: !options.inTransaction,
      });
      await options.inTransaction?.(tx, {
        importedCount: done.importedCount,
        skipped: [...parsed.errors, ...done.skipped],
      });
      return done;
    },
    options.inTransaction ? JOB_TRANSACTION : undefined,
  );
  return {
    imported: created.imported,
    importedCount: created.importedCount,
    skipped: [...parsed.errors, ...created.skipped],
  };
}
