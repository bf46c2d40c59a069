// Creates an article from pasted text, Markdown, an HTML page or a URL: the text is extracted
// (lib/import), segmented into units (sentences, headings, paywall notices) and each unit scored
// for check-worthiness (lib/text/triage). The title defaults to the page's title or the first
// sentence; an article ending in a subscription notice is flagged partial. The first revision
// is kept, and the whole is written in one transaction with its audit event.
//
// Budgets (README "Limits"): a pasted text, Markdown or HTML of up to SYNC_IMPORT_MAX_CHARACTERS
// is imported in the request (201); anything larger, and every web address (fetching another
// site and reading its page), is imported by a worker (202 and a job, lib/server/jobs). The
// units are inserted in multi-row batches, so the largest allowed article fits one transaction.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError } from '@/lib/server/errors';
import { requirePermission } from '@/lib/server/access';
import { readSource, type ReadSource } from '@/lib/server/import/read-source';
import { defaultTitle, isPartial, segment, triageUnit, type TextUnit } from '@/lib/text';
import { createArticleSchema, type CreateArticleInput } from '@/lib/validations/article';
import {
  ARTICLE_MAX_CHARACTERS,
  ARTICLE_MAX_UNITS,
  SYNC_IMPORT_MAX_CHARACTERS,
} from '@/lib/validations/limits';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { serializeJob } from '@/lib/server/jobs/serialize-job';
import type { JobDto } from '@/lib/api/job-types';
import { JOB_TRANSACTION, type JobContext } from '@/lib/server/jobs/run-job';
import { getArticle } from './get-article';

interface CreateArticleOptions {
  userId: string;
  input: unknown;
}

/** Creates the article and answers it as GET /api/v1/articles/{id} does. */
export async function createArticle(options: CreateArticleOptions) {
  const data = createArticleSchema.parse(options.input);
  // Before any fetch: only editors and owners of the team may import (and make us fetch a URL).
  await requireCreator(prisma, options.userId, data.teamId);
  const prepared = prepareArticle(data, await readSource(data));
  const created = await prisma.$transaction((tx) => insertArticle(tx, options.userId, prepared));
  return getArticle({ userId: options.userId, articleId: created.id });
}

/** Whether a source is small enough to be read, segmented and scored within the request. */
function isSyncSource(data: { text?: string; html?: string; url?: string }): boolean {
  if (data.url !== undefined) return false;
  return (data.text ?? data.html ?? '').length <= SYNC_IMPORT_MAX_CHARACTERS;
}

/**
 * POST /api/v1/articles: a small source is imported now (`article`), a large one or a web
 * address is handed to a worker (`job`). Validation and the role check come first either way.
 */
export async function requestArticleImport(
  options: CreateArticleOptions,
): Promise<
  | { article: Awaited<ReturnType<typeof getArticle>>; job?: never }
  | { job: JobDto; article?: never }
> {
  const data = createArticleSchema.parse(options.input);
  if (isSyncSource(data)) return { article: await createArticle(options) };
  await requireCreator(prisma, options.userId, data.teamId);
  const job = await prisma.$transaction(async (tx) => {
    await requireCreator(tx, options.userId, data.teamId);
    return enqueueJob(tx, {
      kind: 'article_import',
      userId: options.userId,
      teamId: data.teamId,
      input: data,
    });
  });
  return { job: serializeJob(job) };
}

/** The worker's side of an import: the same steps, with progress, in one final transaction. */
export async function runArticleImportJob(ctx: JobContext): Promise<void> {
  const userId = ctx.job.createdById;
  const data = createArticleSchema.parse(ctx.job.input);
  await requireCreator(prisma, userId, data.teamId);
  await ctx.progress(0.05);
  const source = await readSource(data);
  await ctx.progress(0.25);
  const prepared = prepareArticle(data, source);
  await ctx.progress(0.5);
  await prisma.$transaction(async (tx) => {
    await ctx.guard(tx);
    const created = await insertArticle(tx, userId, prepared, (done) =>
      ctx.progress(0.5 + 0.45 * done),
    );
    await ctx.complete(tx, {
      articleId: created.id,
      result: { articleId: created.id, title: created.title, units: prepared.units.length },
    });
  }, JOB_TRANSACTION);
}

/** The same inside the caller's transaction (the demo seed writes everything in one). */
export async function createArticleInTransaction(tx: Tx, options: CreateArticleOptions) {
  const data = createArticleSchema.parse(options.input);
  return insertArticle(tx, options.userId, prepareArticle(data, await readSource(data)));
}

async function requireCreator(db: Pick<Tx, 'membership'>, userId: string, teamId: string) {
  const membership = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  requirePermission(membership ?? undefined, 'article.create', 'team');
}

/** The rows of an article's units, scored for check-worthiness. */
export function unitRows(units: readonly TextUnit[], language: string) {
  return units.map((unit) => {
    const triage = triageUnit(unit, language);
    return {
      index: unit.index,
      start: unit.start,
      end: unit.end,
      kind: unit.kind,
      text: unit.text,
      checkworthiness: triage.score,
      checkworthinessReasons: triage.reasons,
    };
  });
}

/** The text of an article (extracted from a page, or a correction) within the limit. */
export function checkArticleSize(text: string): void {
  if (text.length > ARTICLE_MAX_CHARACTERS) {
    throw new AppError(
      'payload_too_large',
      {
        key: 'articleTooLong.characters',
        values: { actual: text.length, limit: ARTICLE_MAX_CHARACTERS },
      },
      { limit: ARTICLE_MAX_CHARACTERS, actual: text.length },
    );
  }
}

/** The number of units (sentences, headings, notices) of an article within the limit. */
export function checkArticleUnits(count: number): void {
  if (count > ARTICLE_MAX_UNITS) {
    throw new AppError(
      'payload_too_large',
      { key: 'articleTooLong.units', values: { actual: count, limit: ARTICLE_MAX_UNITS } },
      { limit: ARTICLE_MAX_UNITS, actual: count },
    );
  }
}

/** A unit row as the multi-row statements read it (`jsonb_to_recordset(…) AS u(id, "index", …)`). */
export function unitRecord(row: ReturnType<typeof unitRows>[number], id: string | null) {
  return {
    id,
    index: row.index,
    start: row.start,
    end: row.end,
    kind: row.kind,
    text: row.text,
    score: row.checkworthiness,
    reasons: row.checkworthinessReasons,
  };
}

/** Units inserted per statement (one multi-row INSERT each). */
const UNIT_BATCH = 2000;

/**
 * Inserts an article's units in multi-row batches (one statement per UNIT_BATCH rows, the
 * rows as one JSON parameter): the largest allowed article is 15 statements, not 30,000. The
 * search vector is computed here, with the article's configuration looked up once per batch
 * (the row trigger only fills it in for inserts that leave it out).
 */
export async function insertUnits(
  tx: Tx,
  articleId: string,
  rows: (ReturnType<typeof unitRows>[number] & { id?: string })[],
  onBatch?: (done: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += UNIT_BATCH) {
    const batch = rows.slice(i, i + UNIT_BATCH).map((row) => unitRecord(row, row.id ?? null));
    await tx.$executeRaw`
      INSERT INTO sentences (id, article_id, "index", start, "end", kind, text,
                             checkworthiness, checkworthiness_reasons, search)
      SELECT COALESCE(u.id, gen_random_uuid()), ${articleId}::uuid, u."index", u.start, u."end",
             u.kind::"UnitKind", u.text, u.score,
             ARRAY(SELECT jsonb_array_elements_text(u.reasons)),
             to_tsvector(a.config, u.text)
        FROM (SELECT factdesk_text_search_config(language) AS config
                FROM articles WHERE id = ${articleId}::uuid) a,
             jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          AS u(id uuid, "index" int, start int, "end" int, kind text, text text, score float8,
               reasons jsonb)`;
    await onBatch?.(Math.min(1, (i + batch.length) / rows.length));
  }
}

/** Units scored between two yields to the event loop (≈ 15 ms of triage). */
const SCORE_SLICE = 200;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scores and inserts an article's units, batch by batch, overlapping the two: while PostgreSQL
 * writes one batch, the next is scored here, in slices that yield to the event loop so the
 * query in flight is sent and answered meanwhile (on the largest article: ≈ 8 s one after the
 * other, the longer of the two when overlapped).
 */
async function insertScoredUnits(
  tx: Tx,
  articleId: string,
  units: readonly TextUnit[],
  language: string,
  onBatch?: (done: number) => Promise<void>,
): Promise<void> {
  let inFlight: Promise<void> | null = null;
  for (let i = 0; i < units.length; i += UNIT_BATCH) {
    const rows: ReturnType<typeof unitRows> = [];
    const end = Math.min(units.length, i + UNIT_BATCH);
    for (let j = i; j < end; j += SCORE_SLICE) {
      rows.push(...unitRows(units.slice(j, Math.min(end, j + SCORE_SLICE)), language));
      if (inFlight) await yieldToLoop();
    }
    await inFlight;
    // `.then` starts the (lazy) Prisma query now; the next batch is scored while it runs.
    inFlight = insertUnits(tx, articleId, rows).then(() => onBatch?.(end / units.length));
  }
  await inFlight;
}

/** Segmentation: pure work, done before a transaction is opened (scoring goes with inserting). */
function prepareArticle(data: CreateArticleInput, source: ReadSource) {
  const language = data.language ?? source.language ?? 'und';
  const text = source.text;
  checkArticleSize(text);
  const units = segment(text, { language });
  if (units.length === 0) throw new AppError('import_failed', 'emptyText');
  checkArticleUnits(units.length);
  return {
    teamId: data.teamId,
    title: data.title ?? source.title ?? defaultTitle(units),
    language,
    text,
    units,
    partial: isPartial(units),
    author: data.author ?? source.author,
    publisher: data.publisher ?? source.publisher,
    publishedAt: data.publishedAt ?? source.publishedAt,
    sourceUrl: data.sourceUrl ?? source.sourceUrl,
    kind: source.kind,
  };
}

async function insertArticle(
  tx: Tx,
  userId: string,
  article: ReturnType<typeof prepareArticle>,
  onBatch?: (done: number) => Promise<void>,
) {
  await requireCreator(tx, userId, article.teamId);
  const created = await tx.article.create({
    data: {
      teamId: article.teamId,
      title: article.title.slice(0, 300),
      language: article.language,
      text: article.text,
      partial: article.partial,
      sourceUrl: article.sourceUrl,
      publisher: article.publisher,
      author: article.author,
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
      createdById: userId,
      revisions: {
        create: { version: 1, text: article.text, source: article.kind, createdById: userId },
      },
    },
    select: { id: true, title: true, teamId: true },
  });
  await insertScoredUnits(tx, created.id, article.units, article.language, onBatch);
  await recordAudit(tx, {
    teamId: article.teamId,
    articleId: created.id,
    actorId: userId,
    action: 'article.create',
    entityType: 'article',
    entityId: created.id,
    after: {
      title: created.title,
      language: article.language,
      units: article.units.length,
      source: article.kind,
      sourceUrl: article.sourceUrl,
    },
  });
  return created;
}
