// Creates an article from pasted text, Markdown, an HTML page or a URL: the text is extracted
// (lib/import), segmented into units (sentences, headings, paywall notices) and each unit scored
// for check-worthiness (lib/text/triage). The title defaults to the page's title or the first
// sentence; an article ending in a subscription notice is flagged partial. The first revision
// is kept, and the whole is written in one transaction with its audit event.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError } from '@/lib/server/errors';
import { requirePermission } from '@/lib/server/access';
import { readSource, type ReadSource } from '@/lib/server/import/read-source';
import { defaultTitle, isPartial, segment, triageUnit, type TextUnit } from '@/lib/text';
import { createArticleSchema, type CreateArticleInput } from '@/lib/validations/article';
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
  requirePermission(membership ?? undefined, 'article.create', 'Rédaction');
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

/** Segmentation and scoring: pure work, done before a transaction is opened. */
function prepareArticle(data: CreateArticleInput, source: ReadSource) {
  const language = data.language ?? source.language ?? 'und';
  const text = source.text;
  const units = segment(text, { language });
  if (units.length === 0) throw new AppError('import_failed', 'Le texte est vide.');
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

async function insertArticle(tx: Tx, userId: string, article: ReturnType<typeof prepareArticle>) {
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
      sentences: { createMany: { data: unitRows(article.units, article.language) } },
      revisions: {
        create: { version: 1, text: article.text, source: article.kind, createdById: userId },
      },
    },
    select: { id: true, title: true, teamId: true },
  });
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
