// An editor corrects an article's text (or re-imports it): a new revision. Nothing is lost:
// - sentences are matched old → new (lib/anchoring/revise); a matched sentence keeps its row,
//   so its verdicts, comments and assignment follow it; when its text changed beyond the
//   "nearly the same" threshold its verdicts (and published verdict) are marked needs_recheck;
// - a sentence the revision removed keeps its row, retired (negative index), verdicts marked;
// - highlights re-anchor on the new text (position, quote with context, then fuzzy); one that
//   cannot be placed is kept as orphaned with its old quote;
// - the previous text stays in article_revisions. One transaction, audited and announced.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import {
  describeRange,
  mapSentences,
  reanchorHighlight,
  unitsTouched,
  type Selector,
} from '@/lib/anchoring';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { readSource } from '@/lib/server/import/read-source';
import { isPartial, segment } from '@/lib/text';
import { reviseArticleSchema } from '@/lib/validations/article';
import { unitRows } from './create-article';
import { getArticle } from './get-article';

/** Indexes are moved out of the way above this while units are renumbered. */
const INDEX_SHIFT = 1_000_000;

export async function reviseArticle(options: {
  userId: string;
  articleId: string;
  input: unknown;
}) {
  const data = reviseArticleSchema.parse(options.input);
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: { id: true, language: true, ...myMembership(options.userId) },
  });
  if (!article) throw notFound('Article');
  // Before any fetch: only editors and owners revise (and make us fetch a URL).
  requirePermission(article.team.memberships[0], 'article.update');
  const source = await readSource(data);
  const units = segment(source.text, { language: article.language });
  if (units.length === 0) throw new AppError('import_failed', 'Le texte est vide.');

  await prisma.$transaction((tx) =>
    applyRevision(tx, {
      userId: options.userId,
      articleId: article.id,
      version: data.version,
      text: source.text,
      units,
      note: data.note,
      kind: data.url !== undefined ? 'reimport' : 'edit',
    }),
  );
  return getArticle({ userId: options.userId, articleId: article.id });
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

async function applyRevision(tx: Tx, revision: Revision) {
  // Serialise revisions (and renames) of one article; the version check sees the latest.
  await tx.$executeRaw`SELECT 1 FROM articles WHERE id = ${revision.articleId}::uuid FOR UPDATE`;
  const article = await tx.article.findUniqueOrThrow({
    where: { id: revision.articleId },
    select: { id: true, teamId: true, version: true, text: true, language: true },
  });
  if (article.version !== revision.version) {
    throw new AppError(
      'conflict',
      'L’article a été modifié entre-temps : rechargez-le puis refaites votre correction.',
      { current: { id: article.id, version: article.version } },
    );
  }
  if (article.text === revision.text) {
    throw new AppError('invalid_state', 'Le texte est identique à la version actuelle.');
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
  let nextRetiredIndex = Math.min(lowest._min.index ?? 0, 0) - 1;
  const now = new Date();
  for (const oldId of mapping.removed) {
    await tx.sentence.update({
      where: { id: oldId },
      data: { retiredAt: now, index: nextRetiredIndex--, assigneeId: null, assignedAt: null },
    });
  }
  const idOfNewIndex = new Map<number, string>();
  for (const match of mapping.matches) {
    const row = rows[match.newIndex]!;
    await tx.sentence.update({ where: { id: match.oldId }, data: row });
    idOfNewIndex.set(match.newIndex, match.oldId);
  }
  for (const newIndex of mapping.added) {
    const created = await tx.sentence.create({
      data: { articleId: article.id, ...rows[newIndex]! },
      select: { id: true },
    });
    idOfNewIndex.set(newIndex, created.id);
  }

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
  for (const annotation of annotations) {
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
    const touched = placed.range ? unitsTouched(units, placed.range) : [];
    const status = placed.range && touched.length > 0 ? placed.status : 'orphaned';
    anchorCounts[status] += 1;
    await tx.annotationSentence.deleteMany({ where: { annotationId: annotation.id } });
    if (status === 'orphaned' || !placed.range) {
      if (annotation.anchorStatus !== 'orphaned') {
        await tx.annotation.update({
          where: { id: annotation.id },
          data: { anchorStatus: 'orphaned', version: { increment: 1 } },
        });
      }
      continue;
    }
    const [quote, position] = describeRange(revision.text, placed.range);
    await tx.annotation.update({
      where: { id: annotation.id },
      data: {
        anchorStatus: status,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix ?? '',
        quoteSuffix: quote.suffix ?? '',
        positionStart: position.start,
        positionEnd: position.end,
        version: { increment: 1 },
        sentences: { createMany: { data: touched.map((unit) => ({ sentenceId: unit.id })) } },
      },
    });
  }

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
}

/** The article's revisions, newest first (texts on demand, by version). */
export async function listRevisions(options: { userId: string; articleId: string }) {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      revisions: {
        orderBy: { version: 'desc' },
        select: {
          version: true,
          source: true,
          note: true,
          summary: true,
          createdAt: true,
          createdBy: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!article) throw notFound('Article');
  return article.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
