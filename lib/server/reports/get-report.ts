// Gathers an article's verified claims — its published verdicts, approved by a second member
// or settled by an editor — with its metadata, corrections and agreement figures, and renders
// them in the asked format with the pure builders of lib/reports (the PDF through Chromium).
//
// Reports are streamed: the header comes from a few light queries run together (the article
// with the membership check, published verdicts counted by rating, the recheck list, the ratings
// the agreement needs — no sentence text); then the claims are read in batches by sentence index
// while the writer turns them into text. A non-member or a missing article therefore fails
// before any byte is sent, and memory does not grow with the article.
//
// A claim's `reviewedAt` is when its verdict was submitted (the CSV's `reviewed_at`), apart from
// `approvedAt`, when it was approved; `settledByParty` says whether a party to a dispute settled
// it. Both come from the verdict and its audit trail (CLAIM_SUBMITTED_AT, CLAIM_SETTLED_BY_PARTY).
import { DEFAULT_TIME_ZONE } from '@/lib/i18n/iso';
import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import {
  countByRating,
  reportWriter,
  type ReportClaim,
  type ReportData,
  type Rating,
  type ReportHead,
  type ReportTotals,
  type StreamedReportFormat,
  writePieces,
} from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { agreementOf, listAgreementSentences } from '@/lib/server/articles/get-agreement';
import { AppError, notFound } from '@/lib/server/errors';
import { checkableSentenceSql, checkableSentences } from '@/lib/server/sentences/checkable';
import { publishedSelect, serializePublished } from '@/lib/server/verdicts/serialize';
import { reportQuerySchema } from '@/lib/validations/report';
import { REPORT_FORMAT_FILES } from '@/lib/reports/formats';
import type { SourceArchive } from '@/lib/reports/types';
import { publicationUrls } from '@/lib/server/publications/urls';
import {
  archiveSelect,
  archivesByUrl,
  archivesOfRows,
  snapshotsOfSourcesSql,
} from '@/lib/server/sources/snapshots';
import { slugify } from '@/lib/text/slug';
import { textStream } from './text-stream';

/** Narrows which claims a report lists (team reports); everything by default. */
export interface ClaimFilter {
  from?: string;
  to?: string;
  rating?: string;
  /** Author or approver. */
  reviewerId?: string;
}

/**
 * Claims read per query while streaming a report: what memory holds at most (twice, with the
 * batch read ahead), and few enough round trips that a 2,000-claim report takes four.
 */
export const REPORT_BATCH_SIZE = 500;

/** The sentences a report covers: the checkable ones (listReportClaims' SQL uses its twin). */
const REPORT_SENTENCES = checkableSentences;

const headArticleSelect = {
  id: true,
  title: true,
  language: true,
  sourceUrl: true,
  publisher: true,
  author: true,
  publishedAt: true,
  partial: true,
  version: true,
  team: {
    select: {
      name: true,
      publicationLanguage: true,
      publicName: true,
      publicUrl: true,
      logoUrl: true,
      slug: true,
    },
  },
  publication: { select: { slug: true, unpublishedAt: true } },
  revisions: {
    orderBy: { version: 'asc' },
    select: { version: true, createdAt: true, note: true, createdBy: { select: { name: true } } },
  },
} as const;

/** A verified claim: the sentence and its published verdict. */
const claimSentenceSelect = {
  id: true,
  index: true,
  text: true,
  published: { select: { ...publishedSelect, authorId: true, approvedById: true } },
} as const;

/**
 * When the published verdict `p` (verdict `v`, left-joined on p.verdict_id) was submitted: the
 * verdict's last submission before its last approval, from the audit trail — the same value
 * after the verdict is reopened or resubmitted, which clears or moves its own `submitted_at`.
 * Without a recorded submission (rows written outside the app), the verdict's `submitted_at`
 * while it is still the approved one; for an editor's resolution (no verdict), written and
 * published at once, the approval time.
 */
const CLAIM_SUBMITTED_AT = Prisma.sql`COALESCE(
  (SELECT e.at
     FROM audit_events e
    WHERE e.entity_type = 'verdict' AND e.entity_id = p.verdict_id AND e.action = 'verdict.submit'
      AND e.id < (SELECT max(a.id)
                    FROM audit_events a
                   WHERE a.entity_type = 'verdict' AND a.entity_id = p.verdict_id
                     AND a.action = 'verdict.approve')
    ORDER BY e.id DESC
    LIMIT 1),
  CASE WHEN v.status = 'approved' THEN v.submitted_at END,
  p.approved_at)`;

/**
 * Whether sentence `s`'s published verdict comes from a settlement by a party to the dispute: the
 * sentence's last publishing event (an approval, or a settlement, which is always its
 * transaction's last event) is a `sentence.resolve` saying `byParty` (adjudication.ts).
 */
export const CLAIM_SETTLED_BY_PARTY = Prisma.sql`COALESCE(
  (SELECT e.action = 'sentence.resolve' AND e.after->>'byParty' = 'true'
     FROM audit_events e
    WHERE e.sentence_id = s.id AND e.action IN ('sentence.resolve', 'verdict.approve')
    ORDER BY e.id DESC
    LIMIT 1),
  false)`;

/** What a claim says beyond its published verdict (see the two fragments above). */
interface ClaimFacts {
  submittedAt: Date;
  settledByParty: boolean;
}
type HeadArticleRow = NonNullable<
  Awaited<ReturnType<typeof prisma.article.findFirst<{ select: typeof headArticleSelect }>>>
>;
type ClaimSentenceRow = Awaited<
  ReturnType<typeof prisma.sentence.findMany<{ select: typeof claimSentenceSelect }>>
>[number];
type Published = NonNullable<ClaimSentenceRow['published']>;

function keep(filter: ClaimFilter, claim: ReportClaim, published: Published) {
  const day = claim.approvedAt.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  if (filter.rating && claim.rating !== filter.rating) return false;
  if (
    filter.reviewerId &&
    published.authorId !== filter.reviewerId &&
    published.approvedById !== filter.reviewerId
  ) {
    return false;
  }
  return true;
}

function toReportClaim(
  sentence: ClaimSentenceRow & { published: Published },
  facts: ClaimFacts,
): ReportClaim {
  const published = serializePublished(sentence.published);
  return {
    sentenceId: sentence.id,
    index: sentence.index,
    text: sentence.text,
    rating: published.rating,
    rationale: published.rationale,
    reviewer: { name: published.author?.name ?? '—' },
    reviewedAt: facts.submittedAt.toISOString(),
    approver: published.approvedBy ? { name: published.approvedBy.name } : null,
    approvedAt: published.approvedAt,
    resolution: published.isResolution,
    settledByParty: facts.settledByParty,
    sources: published.sources,
    claim: published.claim,
  };
}

/** Everything of the report but its claims, recheck list and totals. */
function reportMeta(
  article: HeadArticleRow,
  sentenceCount: number,
  baseUrl: string,
): Omit<ReportData, 'claims' | 'agreement' | 'recheck'> {
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
    organization: article.team.publicName ?? article.team.name,
    organizationUrl: article.team.publicUrl,
    organizationLogo: article.team.logoUrl,
    publicationLanguage: article.team.publicationLanguage,
    // Once published, the public page is where the fact-check lives (ClaimReview `url`).
    factCheckUrl:
      article.publication && !article.publication.unpublishedAt && article.team.slug
        ? publicationUrls(baseUrl, article.team.slug, article.publication.slug).page
        : new URL(`/articles/${article.id}`, baseUrl).toString(),
    generatedAt: new Date().toISOString(),
    revisions: article.revisions.map((r) => ({
      version: r.version,
      at: r.createdAt.toISOString(),
      by: r.createdBy?.name ?? null,
      note: r.note,
    })),
  };
}

/**
 * The report's header: the article (membership checked in the query), its corrections and the
 * figures over all its claims — counts by rating, recheck list, agreement — from light queries
 * run together that read no sentence text. Throws not_found for a missing article or a
 * non-member.
 */
/** The zone a member reads dates in: their account's, else FactDesk's default (Paris). */
export async function readerTimeZone(userId: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return user?.timeZone ?? DEFAULT_TIME_ZONE;
}

async function getReportHead(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<ReportHead> {
  const { meta, totals } = await readReportHead(options);
  return { ...meta, totals };
}

async function readReportHead(options: { userId: string; articleId: string; baseUrl: string }) {
  const member = articleOfMember(options.userId);
  // Each query checks membership itself, so they can all run at once.
  const ofArticle = { articleId: options.articleId, ...REPORT_SENTENCES, article: member };
  const [article, ratings, recheck, agreement, timeZone] = await Promise.all([
    prisma.article.findFirst({
      where: { id: options.articleId, ...member },
      select: {
        ...headArticleSelect,
        _count: { select: { sentences: { where: REPORT_SENTENCES } } },
      },
    }),
    prisma.publishedVerdict.groupBy({
      by: ['rating'],
      where: { sentence: ofArticle },
      _count: { _all: true },
    }),
    prisma.publishedVerdict.findMany({
      where: { needsRecheck: true, sentence: ofArticle },
      orderBy: { sentence: { index: 'asc' } },
      select: { sentenceId: true },
    }),
    // The ratings as submitted, before any settlement (get-agreement.ts).
    listAgreementSentences({ articleIds: [options.articleId], userId: options.userId }),
    readerTimeZone(options.userId),
  ]);
  if (!article) throw notFound('article');
  const byRating = countByRating([]);
  for (const row of ratings) byRating[row.rating] = row._count._all;
  const meta: Omit<ReportData, 'claims'> = {
    ...reportMeta(article, article._count.sentences, options.baseUrl),
    agreement: agreementOf(agreement.get(options.articleId) ?? []),
    recheck: recheck.map((row) => row.sentenceId),
    timeZone,
  };
  const totals: ReportTotals = {
    verifiedCount: ratings.reduce((sum, row) => sum + row._count._all, 0),
    byRating,
  };
  return { meta, totals };
}

/** One verified claim as the batch query returns it (see listReportClaims). */
interface ClaimRow {
  id: string;
  index: number;
  text: string;
  verdict_id: string | null;
  rating: Rating;
  rationale: string;
  sources: unknown;
  claim: unknown;
  /** The archive of each source (snapshotsOfSourcesSql). */
  snapshots: unknown;
  approved_at: Date;
  is_resolution: boolean;
  needs_recheck: boolean;
  author_id: string | null;
  author_name: string | null;
  approved_by_id: string | null;
  approver_name: string | null;
  submitted_at: Date;
  settled_by_party: boolean;
}

function claimOfRow(row: ClaimRow, copyUrl: (id: string) => string): ReportClaim {
  const archives = archivesByUrl(row.snapshots, copyUrl);
  const claim = toReportClaim(
    {
      id: row.id,
      index: row.index,
      text: row.text,
      published: {
        verdictId: row.verdict_id,
        rating: row.rating,
        rationale: row.rationale,
        sources: row.sources as Published['sources'],
        claim: row.claim as Published['claim'],
        approvedAt: row.approved_at,
        isResolution: row.is_resolution,
        needsRecheck: row.needs_recheck,
        authorId: row.author_id,
        approvedById: row.approved_by_id,
        author:
          row.author_id === null || row.author_name === null
            ? null
            : { id: row.author_id, name: row.author_name },
        approvedBy:
          row.approved_by_id === null || row.approver_name === null
            ? null
            : { id: row.approved_by_id, name: row.approver_name },
      },
    },
    { submittedAt: row.submitted_at, settledByParty: row.settled_by_party },
  );
  return withArchives(claim, archives);
}

/** The claim's sources with what the archive holds of each. */
export function withArchives(
  claim: ReportClaim,
  archives: Map<string, SourceArchive>,
): ReportClaim {
  if (archives.size === 0) return claim;
  return {
    ...claim,
    sources: claim.sources.map((source) => {
      const archive = archives.get(source.url);
      return archive ? { ...source, archive } : source;
    }),
  };
}

/**
 * The article's verified claims in text order, `batchSize` per query: keyset pagination on the
 * sentence index, the membership check in every query's WHERE. One SQL query per batch (the
 * sentence, its published verdict, both names and the claim's facts joined) rather than the
 * five a nested Prisma select issues: on a 2,000-claim report the round trips dominated.
 *
 * The first query starts at once, before the generator is iterated (so it overlaps the header
 * query), and each next one as soon as the previous batch arrives, so reading the database
 * overlaps writing the claims out: at most two batches are held at a time.
 */
function listReportClaims(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
  batchSize?: number;
}): AsyncGenerator<ReportClaim[]> {
  // A member's report links the members' copy of each archived source.
  const copyUrl = (id: string) => new URL(`/api/v1/snapshots/${id}/copy`, options.baseUrl).href;
  // articleOfMember's guard, for the SQL below: never query with an empty user id.
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? REPORT_BATCH_SIZE));
  const read = (after: number | null): Promise<ClaimRow[]> => {
    const rows = prisma.$queryRaw<ClaimRow[]>`
      SELECT s.id, s.index, s.text,
             p.verdict_id, p.rating::text AS rating, p.rationale, p.sources, p.claim, p.approved_at,
             p.is_resolution, p.needs_recheck,
             p.author_id, author.name AS author_name,
             p.approved_by_id, approver.name AS approver_name,
             ${CLAIM_SUBMITTED_AT} AS submitted_at,
             ${CLAIM_SETTLED_BY_PARTY} AS settled_by_party,
             ${snapshotsOfSourcesSql('p', Prisma.sql`art.team_id`)} AS snapshots
        FROM sentences s
        JOIN articles art ON art.id = s.article_id
        JOIN published_verdicts p ON p.sentence_id = s.id
        LEFT JOIN users author ON author.id = p.author_id
        LEFT JOIN users approver ON approver.id = p.approved_by_id
        LEFT JOIN verdicts v ON v.id = p.verdict_id
       WHERE s.article_id = ${options.articleId}::uuid
         AND ${checkableSentenceSql('s')}
         AND (${after}::int IS NULL OR s.index > ${after}::int)
         AND EXISTS (SELECT 1
                       FROM articles a
                       JOIN memberships m ON m.team_id = a.team_id
                      WHERE a.id = s.article_id AND m.user_id = ${options.userId}::uuid)
       ORDER BY s.index
       LIMIT ${batchSize}`;
    // Starts the query now; a batch nobody waits for any more (the client left, the header
    // query failed) must not become an unhandled rejection. Awaiting it still throws.
    rows.catch(() => {});
    return rows;
  };
  const first = read(null);
  return (async function* () {
    let next = first;
    for (;;) {
      const rows = await next;
      const full = rows.length === batchSize;
      if (full) next = read(rows[rows.length - 1]!.index);
      if (rows.length > 0) yield rows.map((row) => claimOfRow(row, copyUrl));
      if (!full) return;
    }
  })();
}

/** The whole report snapshot of one article (the PDF, and callers that want every claim). */
export async function getReportData(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
  batchSize?: number;
}): Promise<ReportData> {
  // The totals are the builders' to count from the claims.
  const { meta } = await readReportHead(options);
  const claims: ReportClaim[] = [];
  for await (const batch of listReportClaims(options)) claims.push(...batch);
  return { ...meta, claims };
}

/** The facts of the published verdicts of `sentenceIds` (already access-checked), by sentence. */
async function listClaimFacts(sentenceIds: readonly string[]): Promise<Map<string, ClaimFacts>> {
  if (sentenceIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<
    { id: string; submitted_at: Date; settled_by_party: boolean }[]
  >`
    SELECT s.id,
           ${CLAIM_SUBMITTED_AT} AS submitted_at,
           ${CLAIM_SETTLED_BY_PARTY} AS settled_by_party
      FROM sentences s
      JOIN published_verdicts p ON p.sentence_id = s.id
      LEFT JOIN verdicts v ON v.id = p.verdict_id
     WHERE s.id = ANY(${[...sentenceIds]}::uuid[])`;
  return new Map(
    rows.map((row) => [
      row.id,
      { submittedAt: row.submitted_at, settledByParty: row.settled_by_party },
    ]),
  );
}

/** Every article of a team, as report snapshots (for the team report, built whole). */
export async function listTeamReportData(options: {
  teamId: string;
  baseUrl: string;
  filter: ClaimFilter;
}): Promise<ReportData[]> {
  const articles = await prisma.article.findMany({
    where: { teamId: options.teamId },
    orderBy: { createdAt: 'asc' },
    select: {
      ...headArticleSelect,
      sentences: {
        where: REPORT_SENTENCES,
        orderBy: { index: 'asc' },
        select: claimSentenceSelect,
      },
    },
  });
  const citedUrls = [
    ...new Set(
      articles.flatMap((article) =>
        article.sentences.flatMap((s) =>
          s.published ? serializePublished(s.published).sources.map((source) => source.url) : [],
        ),
      ),
    ),
  ];
  const copyUrl = (id: string) => new URL(`/api/v1/snapshots/${id}/copy`, options.baseUrl).href;
  const [agreement, facts, snapshots] = await Promise.all([
    listAgreementSentences({ articleIds: articles.map((a) => a.id) }),
    listClaimFacts(
      articles.flatMap((article) =>
        article.sentences.filter((s) => s.published !== null).map((s) => s.id),
      ),
    ),
    prisma.sourceSnapshot.findMany({
      where: { teamId: options.teamId, url: { in: citedUrls } },
      select: archiveSelect,
    }),
  ]);
  const archives = archivesOfRows(snapshots, copyUrl);
  return articles
    .map((article): ReportData => {
      const claims: ReportClaim[] = [];
      const recheck: string[] = [];
      for (const sentence of article.sentences) {
        const fact = facts.get(sentence.id);
        if (!sentence.published || !fact) continue;
        const claim = withArchives(
          toReportClaim({ ...sentence, published: sentence.published }, fact),
          archives,
        );
        if (!keep(options.filter, claim, sentence.published)) continue;
        if (sentence.published.needsRecheck) recheck.push(sentence.id);
        claims.push(claim);
      }
      return {
        ...reportMeta(article, article.sentences.length, options.baseUrl),
        claims,
        agreement: agreementOf(agreement.get(article.id) ?? []),
        recheck,
      };
    })
    .filter((data) => data.claims.length > 0);
}

export interface RenderedReport {
  /** A stream for the formats written claim by claim; whole bytes or text otherwise. */
  body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/** A report's file name stem. */
export function slug(title: string): string {
  return slugify(title, { fallback: 'rapport' });
}

/**
 * The article's report in the asked format. The header query runs before this resolves (so
 * access and not-found errors are thrown here, as for any request); the claims are then read
 * while the returned stream is consumed. The PDF is rendered whole.
 */
export async function getReport(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
  query: unknown;
  /** Claims per query while streaming (tests use a small one to cross batch boundaries). */
  batchSize?: number;
}): Promise<RenderedReport> {
  const { format } = reportQuerySchema.parse(options.query);
  const { contentType, extension } = REPORT_FORMAT_FILES[format];
  if (format === 'pdf') {
    // Rendering is a worker's job (lib/server/reports/pdf-report.ts): never in a request.
    throw new AppError('bad_request', 'pdfByJob');
  }
  // Both start now: the first claims are read while the header query checks access.
  const claims = listReportClaims(options);
  const head = await getReportHead(options);
  const writer = reportWriter(format satisfies StreamedReportFormat, head);
  return {
    body: textStream(writePieces(writer, claims), {
      label: `the ${format} report of article ${options.articleId}`,
    }),
    contentType,
    filename: `factdesk-${slug(head.article.title)}.${extension}`,
  };
}
