// Creates an article from plain text: segments it into units (sentences, headings, paywall
// notices), defaults the title to the first sentence, flags it partial behind a paywall.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError } from '@/lib/server/errors';
import { requirePermission } from '@/lib/server/access';
import { defaultTitle, isPartial, segment } from '@/lib/text';
import { createArticleSchema } from '@/lib/validations/article';

interface CreateArticleOptions {
  userId: string;
  input: unknown;
}

export async function createArticle(options: CreateArticleOptions) {
  const prepared = prepareArticle(options.input);
  return prisma.$transaction((tx) => insertArticle(tx, options.userId, prepared));
}

/** The same inside the caller's transaction (the demo seed writes everything in one). */
export async function createArticleInTransaction(tx: Tx, options: CreateArticleOptions) {
  return insertArticle(tx, options.userId, prepareArticle(options.input));
}

/** Validation and segmentation: pure work, done before a transaction is opened. */
function prepareArticle(input: unknown) {
  const data = createArticleSchema.parse(input);
  // Normalise line endings so offsets mean the same thing in every browser.
  const text = data.text.replace(/\r\n?/g, '\n');
  const units = segment(text, { language: data.language });
  if (units.length === 0) throw new AppError('validation_failed', 'Le texte est vide.');
  return { data, text, units };
}

async function insertArticle(
  tx: Tx,
  userId: string,
  { data, text, units }: ReturnType<typeof prepareArticle>,
) {
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId: data.teamId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError('not_found', 'Rédaction introuvable.');
  requirePermission(membership, 'article.create', 'Rédaction');

  const article = await tx.article.create({
    data: {
      teamId: data.teamId,
      title: data.title ?? defaultTitle(units),
      language: data.language,
      text,
      partial: isPartial(units),
      sourceUrl: data.sourceUrl,
      publisher: data.publisher,
      publishedAt: data.publishedAt ? new Date(data.publishedAt) : null,
      createdById: userId,
      sentences: {
        createMany: {
          data: units.map((unit) => ({
            index: unit.index,
            start: unit.start,
            end: unit.end,
            kind: unit.kind,
            text: unit.text,
          })),
        },
      },
    },
    select: { id: true, title: true, teamId: true },
  });
  await recordAudit(tx, {
    teamId: data.teamId,
    articleId: article.id,
    actorId: userId,
    action: 'article.create',
    entityType: 'article',
    entityId: article.id,
    after: { title: article.title, language: data.language, units: units.length },
  });
  return article;
}
