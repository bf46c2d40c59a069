// What the world reads, without a session: a team's published fact-check pages, its index and
// its feeds (app/p/**). Only published verdicts (approved by a second member, or settled by an
// editor) of published articles are ever read here; an unpublished page is `gone` (410).
//
// A page is answered in two steps: `findPublicPage` reads the few rows its cache validators
// depend on (no sentence text), so a conditional request is answered 304 from them alone; then
// its `render` reads the claims — the sentences that have a published verdict, never the
// article's text — and renders the page with the pure builders of lib/reports, unless this
// process holds the page rendered for that very ETag (page-cache.ts).
import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import {
  pageClaimReviews,
  toAtomFeed,
  toClaimReviewFeed,
  toPublicationPage,
  toPublicIndex,
  type FeedArticle,
  type PublicIndexEntry,
  type PublicTeam,
} from '@/lib/reports/publication';
import type { PublicationCorrection, ReportClaim, ReportData } from '@/lib/reports/types';
import { claimFields } from '@/lib/reports/claim-fields';
import type { Rating } from '@/lib/reports/verdict-scale';
import { CLAIM_SETTLED_BY_PARTY, withArchives } from '@/lib/server/reports/get-report';
import { archivesByUrl, snapshotsOfSourcesSql } from '@/lib/server/sources/snapshots';
import { checkableSentences, checkableSentenceSql } from '@/lib/server/sentences/checkable';
import type { SourceDto } from '@/lib/server/verdicts/serialize';
import { SLUG_PATTERN } from '@/lib/text/slug';
import { cachedDocument } from './page-cache';
import { publicationUrls, teamPublicUrls } from './urls';

/** Bumped when the page's markup changes, so caches do not keep the old one. */
const PAGE_FORMAT = 1;

/** Pages listed in a team's index and Atom feed, newest change first. */
export const PUBLIC_INDEX_LIMIT = 200;
/** ClaimReviews a team's ClaimReview feed carries at most (whole pages, newest change first). */
export const CLAIM_REVIEW_FEED_LIMIT = 1_000;
/** Correction notes a page shows at most (the latest). */
const CORRECTIONS_LIMIT = 500;

const teamSelect = {
  id: true,
  name: true,
  slug: true,
  publicName: true,
  publicUrl: true,
  logoUrl: true,
  nameReviewers: true,
  publicationLanguage: true,
} as const;

const articleMetaSelect = {
  id: true,
  title: true,
  language: true,
  sourceUrl: true,
  publisher: true,
  author: true,
  publishedAt: true,
  partial: true,
  version: true,
  updatedAt: true,
} as const;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

export type PublicPageLookup =
  | { kind: 'missing' }
  | { kind: 'gone'; unpublishedAt: Date }
  | {
      kind: 'page';
      etag: string;
      lastModified: Date;
      render: () => Promise<string>;
    };

function validSlug(value: string): boolean {
  return value.length <= 80 && SLUG_PATTERN.test(value);
}

function etagOf(parts: unknown[]): string {
  const hash = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
  return `"${hash.slice(0, 27)}"`;
}

function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

function publicTeam(team: TeamRow, baseUrl: string, modifiedAt: Date | null): PublicTeam {
  const urls = teamPublicUrls(baseUrl, team.slug ?? '');
  return {
    name: team.publicName ?? team.name,
    url: team.publicUrl,
    logo: team.logoUrl,
    language: team.publicationLanguage,
    indexUrl: urls.index,
    claimReviewFeedUrl: urls.claimReviewFeed,
    atomFeedUrl: urls.atomFeed,
    modifiedAt: modifiedAt?.toISOString() ?? null,
  };
}

/** The published page at /p/{teamSlug}/{articleSlug}: its validators, and how to render it. */
export async function findPublicPage(options: {
  teamSlug: string;
  articleSlug: string;
  baseUrl: string;
}): Promise<PublicPageLookup> {
  if (!validSlug(options.teamSlug) || !validSlug(options.articleSlug)) return { kind: 'missing' };
  const publication = await prisma.publication.findFirst({
    where: { slug: options.articleSlug, team: { slug: options.teamSlug } },
    select: {
      slug: true,
      firstPublishedAt: true,
      unpublishedAt: true,
      modifiedAt: true,
      revision: true,
      team: { select: teamSelect },
      article: { select: articleMetaSelect },
    },
  });
  if (!publication) return { kind: 'missing' };
  if (publication.unpublishedAt) return { kind: 'gone', unpublishedAt: publication.unpublishedAt };
  const { team, article } = publication;
  const lastModified = latest(publication.modifiedAt, article.updatedAt);
  const etag = etagOf([
    PAGE_FORMAT,
    publication.revision,
    article.version,
    article.updatedAt,
    team,
  ]);
  return {
    kind: 'page',
    etag,
    lastModified,
    render: () =>
      cachedDocument(`page|${options.baseUrl}|${team.id}|${publication.slug}|${etag}`, async () =>
        toPublicationPage(
          await readPageData({
            team,
            article,
            slug: publication.slug,
            firstPublishedAt: publication.firstPublishedAt,
            modifiedAt: lastModified,
            baseUrl: options.baseUrl,
          }),
        ),
      ),
  };
}

interface PublicClaimRow {
  id: string;
  index: number;
  text: string;
  rating: Rating;
  rationale: string;
  sources: unknown;
  claim: unknown;
  snapshots: unknown;
  approved_at: Date;
  is_resolution: boolean;
  needs_recheck: boolean;
  author_name: string | null;
  approver_name: string | null;
  settled_by_party: boolean;
}

/** The published claims of articles `articleIds`, in text order (one query). */
async function readPublicClaims(articleId: string): Promise<PublicClaimRow[]> {
  return prisma.$queryRaw<PublicClaimRow[]>`
    SELECT s.id, s.index, s.text,
           p.rating::text AS rating, p.rationale, p.sources, p.claim, p.approved_at,
           p.is_resolution, p.needs_recheck,
           author.name AS author_name, approver.name AS approver_name,
           ${CLAIM_SETTLED_BY_PARTY} AS settled_by_party,
           ${snapshotsOfSourcesSql('p', Prisma.sql`art.team_id`)} AS snapshots
      FROM sentences s
      JOIN articles art ON art.id = s.article_id
      JOIN published_verdicts p ON p.sentence_id = s.id
      LEFT JOIN users author ON author.id = p.author_id
      LEFT JOIN users approver ON approver.id = p.approved_by_id
     WHERE s.article_id = ${articleId}::uuid
       AND ${checkableSentenceSql('s')}
     ORDER BY s.index`;
}

function claimOf(
  row: PublicClaimRow,
  namedReviewers: boolean,
  copyUrl: (id: string) => string,
): ReportClaim {
  const approvedAt = row.approved_at.toISOString();
  const claim: ReportClaim = {
    sentenceId: row.id,
    index: row.index,
    text: row.text,
    rating: row.rating,
    rationale: row.rationale,
    // A team that names nobody publishes no name, not even in the data the page is built from.
    reviewer: { name: namedReviewers ? (row.author_name ?? '—') : '' },
    reviewedAt: approvedAt,
    approver: namedReviewers && row.approver_name ? { name: row.approver_name } : null,
    approvedAt,
    resolution: row.is_resolution,
    settledByParty: row.settled_by_party,
    // Written by publishVerdict / resolveDispute from validated sources only.
    sources: (Array.isArray(row.sources) ? row.sources : []) as SourceDto[],
    claim: claimFields(row.claim),
  };
  return withArchives(claim, archivesByUrl(row.snapshots, copyUrl));
}

async function readPageData(options: {
  team: TeamRow;
  article: Prisma.ArticleGetPayload<{ select: typeof articleMetaSelect }>;
  slug: string;
  firstPublishedAt: Date;
  modifiedAt: Date;
  baseUrl: string;
}): Promise<ReportData> {
  const { team, article } = options;
  const [rows, corrections, sentenceCount] = await Promise.all([
    readPublicClaims(article.id),
    prisma.publicationCorrection.findMany({
      where: { articleId: article.id },
      orderBy: { id: 'desc' },
      take: CORRECTIONS_LIMIT,
      select: { at: true, sentenceIndex: true, kind: true, previousRating: true, rating: true },
    }),
    prisma.sentence.count({ where: { articleId: article.id, ...checkableSentences } }),
  ]);
  const urls = publicationUrls(options.baseUrl, team.slug ?? '', options.slug);
  const teamUrls = teamPublicUrls(options.baseUrl, team.slug ?? '');
  // Anyone may read the archived copies a published page cites.
  const copyUrl = (id: string) =>
    new URL(`/p/${team.slug ?? ''}/archive/${id}`, options.baseUrl).href;
  const claims = rows.map((row) => claimOf(row, team.nameReviewers, copyUrl));
  return {
    article: {
      id: article.id,
      title: article.title,
      language: article.language,
      sourceUrl: article.sourceUrl,
      publisher: article.publisher,
      author: article.author,
      publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
      version: article.version,
      partial: article.partial,
      sentenceCount,
    },
    organization: team.publicName ?? team.name,
    organizationUrl: team.publicUrl,
    organizationLogo: team.logoUrl,
    publicationLanguage: team.publicationLanguage,
    factCheckUrl: urls.page,
    generatedAt: options.modifiedAt.toISOString(),
    claims,
    recheck: rows.filter((row) => row.needs_recheck).map((row) => row.id),
    publication: {
      url: urls.page,
      indexUrl: urls.index,
      claimReviewFeedUrl: teamUrls.claimReviewFeed,
      atomFeedUrl: teamUrls.atomFeed,
      firstPublishedAt: options.firstPublishedAt.toISOString(),
      modifiedAt: options.modifiedAt.toISOString(),
      namedReviewers: team.nameReviewers,
      corrections: corrections.reverse().map((c): PublicationCorrection => ({
        at: c.at.toISOString(),
        sentenceIndex: c.sentenceIndex,
        kind: c.kind === 'changed' ? 'changed' : 'added',
        previousRating: c.previousRating,
        rating: c.rating,
      })),
    },
  };
}

export type PublicTeamLookup =
  | { kind: 'missing' }
  | {
      kind: 'team';
      etag: string;
      lastModified: Date | null;
      index: () => Promise<string>;
      atom: () => Promise<string>;
      claimReviewFeed: () => Promise<string>;
    };

/** A team's public index and feeds, by its public segment. */
export async function findPublicTeam(options: {
  teamSlug: string;
  baseUrl: string;
}): Promise<PublicTeamLookup> {
  if (!validSlug(options.teamSlug)) return { kind: 'missing' };
  const team = await prisma.team.findUnique({
    where: { slug: options.teamSlug },
    select: teamSelect,
  });
  if (!team) return { kind: 'missing' };
  const publications = await prisma.publication.findMany({
    where: { teamId: team.id, unpublishedAt: null },
    orderBy: { modifiedAt: 'desc' },
    take: PUBLIC_INDEX_LIMIT,
    select: {
      slug: true,
      firstPublishedAt: true,
      modifiedAt: true,
      revision: true,
      article: { select: articleMetaSelect },
    },
  });
  const dates = publications.map((p) => latest(p.modifiedAt, p.article.updatedAt));
  const lastModified = dates.length > 0 ? latest(...dates) : null;
  const etag = etagOf([
    PAGE_FORMAT,
    team,
    publications.map((p) => [p.slug, p.revision, p.article.version, p.article.updatedAt]),
  ]);
  const pub = publicTeam(team, options.baseUrl, lastModified);
  const pageUrl = (slug: string) => publicationUrls(options.baseUrl, team.slug ?? '', slug).page;
  const entries = async (): Promise<PublicIndexEntry[]> => {
    const counts = await prisma.$queryRaw<{ article_id: string; claims: number }[]>`
      SELECT s.article_id, count(*)::int AS claims
        FROM sentences s
        JOIN published_verdicts p ON p.sentence_id = s.id
       WHERE s.article_id = ANY(${publications.map((p) => p.article.id)}::uuid[])
         AND ${checkableSentenceSql('s')}
       GROUP BY s.article_id`;
    const byArticle = new Map(counts.map((row) => [row.article_id, row.claims]));
    return publications.map((p, i) => ({
      title: p.article.title,
      url: pageUrl(p.slug),
      firstPublishedAt: p.firstPublishedAt.toISOString(),
      modifiedAt: dates[i]!.toISOString(),
      claimCount: byArticle.get(p.article.id) ?? 0,
    }));
  };
  const key = (kind: string) => `${kind}|${options.baseUrl}|${team.id}|${etag}`;
  return {
    kind: 'team',
    etag,
    lastModified,
    index: () => cachedDocument(key('index'), async () => toPublicIndex(pub, await entries())),
    atom: () => cachedDocument(key('atom'), async () => toAtomFeed(pub, await entries())),
    claimReviewFeed: () =>
      cachedDocument(key('feed'), async () => {
        const articles: FeedArticle[] = [];
        let reviews = 0;
        for (const [i, p] of publications.entries()) {
          const data = await readPageData({
            team,
            article: p.article,
            slug: p.slug,
            firstPublishedAt: p.firstPublishedAt,
            modifiedAt: dates[i]!,
            baseUrl: options.baseUrl,
          });
          const list = pageClaimReviews({ ...data, publication: data.publication! });
          if (articles.length > 0 && reviews + list.length > CLAIM_REVIEW_FEED_LIMIT) break;
          reviews += list.length;
          articles.push({
            url: data.publication!.url,
            firstPublishedAt: data.publication!.firstPublishedAt,
            modifiedAt: data.publication!.modifiedAt,
            reviews: list,
          });
        }
        return toClaimReviewFeed(pub, articles);
      }),
  };
}
