// An editor publishes an article's fact-check — its approved verdicts — at its public address
// (/p/{team slug}/{article slug}), or withdraws it (the address then answers 410 Gone). The
// slugs are chosen at the first publication and kept: a public address never moves, even when
// the title or the team's name changes. Each change is one transaction with its audit event;
// the page itself reads the published verdicts live (get-public-page.ts), and the triggers of
// migration 20261207010000_publications keep its correction notes and cache validators.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { checkableSentences } from '@/lib/server/sentences/checkable';
import { slugify, uniqueSlug } from '@/lib/text/slug';
import { publicationUrls } from './urls';

export interface PublicationStatus {
  status: 'published' | 'unpublished' | 'never';
  /** The public page; null before the first publication. */
  url: string | null;
  firstPublishedAt: string | null;
  publishedAt: string | null;
  unpublishedAt: string | null;
  /** Approved verdicts the page shows (not_a_claim included). */
  claimCount: number;
}

const SLUG_LENGTH = 80;

async function loadForPublishing(tx: Tx, userId: string, articleId: string) {
  const article = await tx.article.findFirst({
    where: { id: articleId, ...articleOfMember(userId) },
    select: { id: true, teamId: true, title: true, ...myMembership(userId) },
  });
  if (!article) throw notFound('article');
  requirePermission(article.team.memberships[0], 'article.publish');
  return article;
}

/** The team's public segment, chosen now if it has none (the team row is locked meanwhile). */
async function teamSlug(tx: Tx, teamId: string): Promise<string> {
  const [team] = await tx.$queryRaw<
    { slug: string | null; name: string; public_name: string | null }[]
  >`
    SELECT slug, name, public_name FROM teams WHERE id = ${teamId}::uuid FOR NO KEY UPDATE`;
  if (!team) throw notFound('team');
  if (team.slug) return team.slug;
  const base = slugify(team.public_name ?? team.name, { maxLength: 60, fallback: 'redaction' });
  const taken = await tx.team.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  const slug = uniqueSlug(base, new Set(taken.map((t) => t.slug ?? '')), SLUG_LENGTH);
  await tx.team.update({ where: { id: teamId }, data: { slug } });
  return slug;
}

async function articleSlug(tx: Tx, teamId: string, title: string): Promise<string> {
  const base = slugify(title, { maxLength: 70, fallback: 'verification' });
  const taken = await tx.publication.findMany({
    where: { teamId, slug: { startsWith: base } },
    select: { slug: true },
  });
  return uniqueSlug(base, new Set(taken.map((p) => p.slug)), SLUG_LENGTH);
}

async function countClaims(tx: Tx | typeof prisma, articleId: string): Promise<number> {
  return tx.publishedVerdict.count({
    where: { sentence: { articleId, ...checkableSentences } },
  });
}

export async function publishArticle(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<PublicationStatus> {
  return prisma.$transaction(async (tx) => {
    const article = await loadForPublishing(tx, options.userId, options.articleId);
    const claimCount = await countClaims(tx, article.id);
    if (claimCount === 0) throw new AppError('invalid_state', 'nothingToPublish');
    const team = await teamSlug(tx, article.teamId);
    const existing = await tx.publication.findUnique({ where: { articleId: article.id } });
    if (existing && existing.unpublishedAt === null) {
      return statusOf(existing, team, options.baseUrl, claimCount);
    }
    const now = new Date();
    const publication = existing
      ? await tx.publication.update({
          where: { articleId: article.id },
          data: {
            unpublishedAt: null,
            publishedAt: now,
            publishedById: options.userId,
            modifiedAt: now,
            revision: { increment: 1 },
          },
        })
      : await tx.publication.create({
          data: {
            articleId: article.id,
            teamId: article.teamId,
            slug: await articleSlug(tx, article.teamId, article.title),
            publishedById: options.userId,
            firstPublishedAt: now,
            publishedAt: now,
            modifiedAt: now,
          },
        });
    const status = statusOf(publication, team, options.baseUrl, claimCount);
    await recordAudit(tx, {
      teamId: article.teamId,
      articleId: article.id,
      actorId: options.userId,
      action: 'article.publish',
      entityType: 'article',
      entityId: article.id,
      after: { url: status.url, claims: claimCount },
    });
    return status;
  });
}

export async function unpublishArticle(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<PublicationStatus> {
  return prisma.$transaction(async (tx) => {
    const article = await loadForPublishing(tx, options.userId, options.articleId);
    const existing = await tx.publication.findUnique({
      where: { articleId: article.id },
      include: { team: { select: { slug: true } } },
    });
    const claimCount = await countClaims(tx, article.id);
    if (!existing) return neverPublished(claimCount);
    if (existing.unpublishedAt !== null) {
      return statusOf(existing, existing.team.slug ?? '', options.baseUrl, claimCount);
    }
    const publication = await tx.publication.update({
      where: { articleId: article.id },
      data: { unpublishedAt: new Date(), modifiedAt: new Date(), revision: { increment: 1 } },
    });
    const status = statusOf(publication, existing.team.slug ?? '', options.baseUrl, claimCount);
    await recordAudit(tx, {
      teamId: article.teamId,
      articleId: article.id,
      actorId: options.userId,
      action: 'article.unpublish',
      entityType: 'article',
      entityId: article.id,
      before: { url: status.url },
    });
    return status;
  });
}

/** Where the article's fact-check stands, for its team's members. */
export async function getPublicationStatus(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<PublicationStatus> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      id: true,
      publication: { include: { team: { select: { slug: true } } } },
    },
  });
  if (!article) throw notFound('article');
  const claimCount = await countClaims(prisma, article.id);
  const publication = article.publication;
  if (!publication) return neverPublished(claimCount);
  return statusOf(publication, publication.team.slug ?? '', options.baseUrl, claimCount);
}

function neverPublished(claimCount: number): PublicationStatus {
  return {
    status: 'never',
    url: null,
    firstPublishedAt: null,
    publishedAt: null,
    unpublishedAt: null,
    claimCount,
  };
}

function statusOf(
  publication: {
    slug: string;
    firstPublishedAt: Date;
    publishedAt: Date;
    unpublishedAt: Date | null;
  },
  teamSlugValue: string,
  baseUrl: string,
  claimCount: number,
): PublicationStatus {
  return {
    status: publication.unpublishedAt ? 'unpublished' : 'published',
    url: publicationUrls(baseUrl, teamSlugValue, publication.slug).page,
    firstPublishedAt: publication.firstPublishedAt.toISOString(),
    publishedAt: publication.publishedAt.toISOString(),
    unpublishedAt: publication.unpublishedAt?.toISOString() ?? null,
    claimCount,
  };
}
