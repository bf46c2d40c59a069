// An editor corrects an article's text (or re-imports it): a new revision. Nothing is lost:
// - sentences are matched old → new (lib/anchoring/revise); a matched sentence keeps its row,
//   so its verdicts, comments and assignment follow it; when its text changed beyond the
//   "nearly the same" threshold its verdicts (and published verdict) are marked needs_recheck;
// - a sentence the revision removed keeps its row, retired (negative index), verdicts marked;
// - highlights re-anchor on the new text (position, quote with context, then fuzzy); one that
//   cannot be placed is kept as orphaned with its old quote;
// - the previous text stays in article_revisions. One transaction, audited and announced.
// Re-anchoring is fuzzy matching, CPU work that grows with the text and its highlights: the API
// hands every correction to a worker (202 and a job); `reviseArticle` is what the worker runs.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma, type Tx } from '@/lib/db';
import {
  describeRange,
  mapSentences,
  reanchorHighlight,
  unitsTouchedInOrder,
  type AnchorStatus,
  type Selector,
} from '@/lib/anchoring';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { readSource } from '@/lib/server/import/read-source';
import { isPartial, segment } from '@/lib/text';
import { reviseArticleSchema } from '@/lib/validations/article';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { serializeJob } from '@/lib/server/jobs/serialize-job';
import type { JobDto } from '@/lib/api/job-types';
import { JOB_TRANSACTION, type JobContext } from '@/lib/server/jobs/run-job';
import {
  checkArticleSize,
  checkArticleUnits,
  insertUnits,
  unitRecord,
  unitRows,
} from './create-article';
import { getArticle } from './get-article';

/** Indexes are moved out of the way above this while units are renumbered. */
const INDEX_SHIFT = 1_000_000;
/** Rows per multi-row statement. */
const ROW_BATCH = 2000;

export async function reviseArticle(options: {
  userId: string;
  articleId: string;
  input: unknown;
}) {
  const { article, data } = await prepareRevision(options);
  const revision = await readRevision(article, data, options.userId);
  await prisma.$transaction((tx) => applyRevision(tx, revision));
  return getArticle({ userId: options.userId, articleId: article.id });
}

/** Validation, membership and role (before any fetch), and a stale version refused up front. */
async function prepareRevision(options: { userId: string; articleId: string; input: unknown }) {
  const data = reviseArticleSchema.parse(options.input);
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: { id: true, language: true, version: true, ...myMembership(options.userId) },
  });
  if (!article) throw notFound('article');
  // Before any fetch: only editors and owners revise (and make us fetch a URL).
  requirePermission(article.team.memberships[0], 'article.update');
  if (article.version !== data.version) throw staleVersion(article);
  return { article, data };
}

function staleVersion(article: { id: string; version: number }): AppError {
  return new AppError('conflict', 'articleChangedBeforeRevision', {
    current: { id: article.id, version: article.version },
  });
}

async function readRevision(
  article: { id: string; language: string },
  data: ReturnType<typeof reviseArticleSchema.parse>,
  userId: string,
): Promise<Revision> {
  const source = await readSource(data);
  checkArticleSize(source.text);
  const units = segment(source.text, { language: article.language });
  if (units.length === 0) throw new AppError('import_failed', 'emptyText');
  checkArticleUnits(units.length);
  return {
    userId,
    articleId: article.id,
    version: data.version,
    text: source.text,
    units,
    note: data.note,
    kind: data.url !== undefined ? 'reimport' : 'edit',
  };
}

/**
 * PUT /api/v1/articles/{id}/text: checked now (role, version, size), done by a worker. The
 * corrected text waits in the job, so nothing typed is lost if the answer never arrives.
 */
export async function requestRevision(options: {
  userId: string;
  articleId: string;
  input: unknown;
}): Promise<JobDto> {
  const { article, data } = await prepareRevision(options);
  const job = await prisma.$transaction(async (tx) => {
    const team = await tx.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { teamId: true },
    });
    return enqueueJob(tx, {
      kind: 'article_revise',
      userId: options.userId,
      teamId: team.teamId,
      articleId: article.id,
      input: data,
    });
  });
  return serializeJob(job);
}

/** The worker's side of a correction: read, segment, then one transaction with re-anchoring. */
export async function runArticleReviseJob(ctx: JobContext): Promise<void> {
  const articleId = ctx.job.articleId;
  if (!articleId) throw new AppError('validation_failed', 'missingArticle');
  const options = { userId: ctx.job.createdById, articleId, input: ctx.job.input };
  const { article, data } = await prepareRevision(options);
  await ctx.progress(0.1);
  const revision = await readRevision(article, data, options.userId);
  await ctx.progress(0.3);
  const summary = await prisma.$transaction(async (tx) => {
    await ctx.guard(tx);
    const done = await applyRevision(tx, revision, (fraction) =>
      ctx.progress(0.3 + 0.65 * fraction),
    );
    await ctx.complete(tx, { articleId, result: { version: done.version, ...done.summary } });
    return done;
  }, JOB_TRANSACTION);
  void summary;
}

interface Revision {
  userId: string;
  articleId: string;
  version: number;
  text: string;
  units: ReturnType<typeof segment>;
  note: string | null;
  kind: 'edit' | 'reimport';
}

/**
 * Serialises revisions (and renames) of one article, and waits for highlights being anchored
 * (they hold FOR SHARE). NO KEY UPDATE, not UPDATE: rows that merely reference the article (a
 * job, a comment: their foreign-key check takes KEY SHARE) are not held up for the whole
 * correction — FOR UPDATE made a W3C import's request wait 28 s and time out (500).
 */
export async function lockArticleForRevision(tx: Tx, articleId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM articles WHERE id = ${articleId}::uuid FOR NO KEY UPDATE`;
}

async function applyRevision(
  tx: Tx,
  revision: Revision,
  onProgress?: (fraction: number) => Promise<void>,
) {
  // Serialise revisions (and renames) of one article; the version check sees the latest.
  await lockArticleForRevision(tx, revision.articleId);
  const article = await tx.article.findUniqueOrThrow({
    where: { id: revision.articleId },
    select: { id: true, teamId: true, version: true, text: true, language: true },
  });
  if (article.version !== revision.version) throw staleVersion(article);
  if (article.text === revision.text) {
    throw new AppError('invalid_state', 'sameText');
  }
  const newVersion = article.version + 1;

  // 1. Sentences: match old → new, keep matched rows, retire removed ones, add new ones.
  const oldSentences = await tx.sentence.findMany({
    where: { articleId: article.id, retiredAt: null },
    orderBy: { index: 'asc' },
    select: { id: true, index: true, text: true },
  });
  const mapping = mapSentences(oldSentences, revision.units);
  const rows = unitRows(revision.units, article.language);
  await tx.$executeRaw`UPDATE sentences SET index = index + ${INDEX_SHIFT}
                       WHERE article_id = ${article.id}::uuid AND retired_at IS NULL`;
  const lowest = await tx.sentence.aggregate({
    where: { articleId: article.id, retiredAt: { not: null } },
    _min: { index: true },
  });
  const firstRetiredIndex = Math.min(lowest._min.index ?? 0, 0) - 1;
  const now = new Date();
  // Multi-row statements: a 30,000-sentence correction is a handful of statements, not 30,000.
  if (mapping.removed.length > 0) {
    await tx.$executeRaw`
      UPDATE sentences s
         SET retired_at = ${now}, index = ${firstRetiredIndex}::int - (r.ord::int - 1),
             assignee_id = NULL, assigned_at = NULL
        FROM unnest(${mapping.removed}::uuid[]) WITH ORDINALITY AS r(id, ord)
       WHERE s.id = r.id`;
  }
  const idOfNewIndex = new Map<number, string>();
  for (let i = 0; i < mapping.matches.length; i += ROW_BATCH) {
    const batch = mapping.matches.slice(i, i + ROW_BATCH).map((match) => {
      idOfNewIndex.set(match.newIndex, match.oldId);
      return unitRecord(rows[match.newIndex]!, match.oldId);
    });
    await tx.$executeRaw`
      UPDATE sentences s
         SET index = u."index", start = u.start, "end" = u."end", kind = u.kind::"UnitKind",
             text = u.text, checkworthiness = u.score,
             checkworthiness_reasons = ARRAY(SELECT jsonb_array_elements_text(u.reasons))
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          AS u(id uuid, "index" int, start int, "end" int, kind text, text text, score float8,
               reasons jsonb)
       WHERE s.id = u.id`;
  }
  const addedRows = mapping.added.map((newIndex) => {
    const id = randomUUID();
    idOfNewIndex.set(newIndex, id);
    return { ...rows[newIndex]!, id };
  });
  await insertUnits(tx, article.id, addedRows);
  await onProgress?.(0.2);

  // 2. Verdicts follow their sentence; those whose sentence changed or went are marked.
  const recheckIds = [
    ...mapping.matches.filter((m) => m.outcome === 'changed').map((m) => m.oldId),
    ...mapping.removed,
  ];
  const rechecked = await tx.verdict.updateMany({
    where: { sentenceId: { in: recheckIds }, needsRecheck: false },
    data: { needsRecheck: true, version: { increment: 1 } },
  });
  await tx.publishedVerdict.updateMany({
    where: { sentenceId: { in: recheckIds } },
    data: { needsRecheck: true },
  });

  // 3. Highlights re-anchor on the new text; the ones that cannot be placed are orphaned.
  const units = revision.units.map((unit) => ({ ...unit, id: idOfNewIndex.get(unit.index)! }));
  const annotations = await tx.annotation.findMany({
    where: { articleId: article.id },
    select: {
      id: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      positionStart: true,
      positionEnd: true,
      anchorStatus: true,
    },
  });
  const anchorCounts = { anchored: 0, fuzzy: 0, orphaned: 0 };
  const newlyOrphaned: string[] = [];
  const placedRows: {
    id: string;
    status: Exclude<AnchorStatus, 'orphaned'>;
    exact: string;
    prefix: string;
    suffix: string;
    start: number;
    end: number;
  }[] = [];
  const links: { annotationId: string; sentenceId: string }[] = [];
  for (const [i, annotation] of annotations.entries()) {
    const selectors: Selector[] = [
      {
        type: 'TextQuoteSelector',
        exact: annotation.quoteExact,
        prefix: annotation.quotePrefix,
        suffix: annotation.quoteSuffix,
      },
      {
        type: 'TextPositionSelector',
        start: annotation.positionStart,
        end: annotation.positionEnd,
      },
    ];
    // An orphan anchored on an older text is tried again: a correction may bring it back.
    const placed = reanchorHighlight(selectors, revision.text);
    const touched = placed.range ? unitsTouchedInOrder(units, placed.range) : [];
    const status = placed.range && touched.length > 0 ? placed.status : 'orphaned';
    anchorCounts[status] += 1;
    if (status === 'orphaned' || !placed.range) {
      if (annotation.anchorStatus !== 'orphaned') newlyOrphaned.push(annotation.id);
    } else {
      const [quote, position] = describeRange(revision.text, placed.range);
      placedRows.push({
        id: annotation.id,
        status,
        exact: quote.exact,
        prefix: quote.prefix ?? '',
        suffix: quote.suffix ?? '',
        start: position.start,
        end: position.end,
      });
      for (const unit of touched) links.push({ annotationId: annotation.id, sentenceId: unit.id });
    }
    if (i % 200 === 199) await onProgress?.(0.2 + (0.6 * (i + 1)) / annotations.length);
  }
  // The highlights' writes, batched: links dropped and rebuilt, orphans marked, placed ones moved.
  await tx.$executeRaw`
    DELETE FROM annotation_sentences l USING annotations a
     WHERE a.id = l.annotation_id AND a.article_id = ${article.id}::uuid`;
  if (newlyOrphaned.length > 0) {
    await tx.$executeRaw`
      UPDATE annotations SET anchor_status = 'orphaned', version = version + 1, updated_at = now()
       WHERE id = ANY(${newlyOrphaned}::uuid[])`;
  }
  for (let i = 0; i < placedRows.length; i += ROW_BATCH) {
    const batch = placedRows.slice(i, i + ROW_BATCH);
    await tx.$executeRaw`
      UPDATE annotations a
         SET anchor_status = u.status::"AnchorStatus", quote_exact = u.exact,
             quote_prefix = u.prefix, quote_suffix = u.suffix, position_start = u.start,
             position_end = u."end", version = a.version + 1, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          AS u(id uuid, status text, exact text, prefix text, suffix text, start int, "end" int)
       WHERE a.id = u.id`;
  }
  for (let i = 0; i < links.length; i += ROW_BATCH) {
    const batch = links.slice(i, i + ROW_BATCH);
    await tx.$executeRaw`
      INSERT INTO annotation_sentences (annotation_id, sentence_id)
      SELECT u."annotationId", u."sentenceId"
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          AS u("annotationId" uuid, "sentenceId" uuid)`;
  }
  await onProgress?.(0.9);

  // 4. The article, its revision, the audit event.
  await tx.article.update({
    where: { id: article.id },
    data: { text: revision.text, version: newVersion, partial: isPartial(revision.units) },
  });
  const summary = {
    sentences: {
      same: mapping.matches.filter((m) => m.outcome === 'same').length,
      nearly: mapping.matches.filter((m) => m.outcome === 'nearly').length,
      changed: mapping.matches.filter((m) => m.outcome === 'changed').length,
      removed: mapping.removed.length,
      added: mapping.added.length,
    },
    highlights: anchorCounts,
    verdictsToRecheck: rechecked.count,
  };
  await tx.articleRevision.create({
    data: {
      articleId: article.id,
      version: newVersion,
      text: revision.text,
      source: revision.kind,
      note: revision.note,
      summary,
      createdById: revision.userId,
    },
  });
  await recordAudit(tx, {
    teamId: article.teamId,
    articleId: article.id,
    actorId: revision.userId,
    action: 'article.revise',
    entityType: 'article',
    entityId: article.id,
    before: { version: article.version },
    after: { version: newVersion, note: revision.note, ...summary },
  });
  return { version: newVersion, summary };
}
