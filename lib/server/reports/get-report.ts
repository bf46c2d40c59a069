// Gathers an article's verified claims — its published verdicts, approved by a second member
// or settled by an editor — with its metadata, corrections and agreement figures, and renders
// them in the asked format with the pure builders of lib/reports (the PDF through Chromium).
import 'server-only';
import { prisma } from '@/lib/db';
import {
  toClaimReview,
  toCsv,
  toHtmlReport,
  toJson,
  toMarkdown,
  type ReportClaim,
  type ReportData,
} from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { agreementOf, agreementSentenceSelect } from '@/lib/server/articles/get-agreement';
import { notFound } from '@/lib/server/errors';
import { publishedSelect, serializePublished } from '@/lib/server/verdicts/published';
import { reportQuerySchema } from '@/lib/validations/report';
import { renderPdf } from './render-pdf';

/** Narrows which claims a report lists (team reports); everything by default. */
export interface ClaimFilter {
  from?: string;
  to?: string;
  rating?: string;
  /** Author or approver. */
  reviewerId?: string;
}

const reportArticleSelect = {
  id: true,
  title: true,
  language: true,
  sourceUrl: true,
  publisher: true,
  author: true,
  publishedAt: true,
  partial: true,
  version: true,
  team: { select: { name: true } },
  _count: { select: { sentences: { where: { kind: 'sentence', retiredAt: null } } } },
  revisions: {
    orderBy: { version: 'asc' },
    select: { version: true, createdAt: true, note: true, createdBy: { select: { name: true } } },
  },
  sentences: {
    where: { kind: 'sentence', retiredAt: null },
    orderBy: { index: 'asc' },
    select: {
      text: true,
      index: true,
      ...agreementSentenceSelect,
      published: {
        select: { sentenceId: true, authorId: true, approvedById: true, ...publishedSelect },
      },
      verdicts: { select: { rating: true, status: true, id: true, updatedAt: true } },
    },
  },
} as const;

type ReportArticleRow = NonNullable<
  Awaited<ReturnType<typeof prisma.article.findFirst<{ select: typeof reportArticleSelect }>>>
>;

function keep(
  filter: ClaimFilter,
  published: ReturnType<typeof serializePublished>,
  ids: { authorId: string | null; approvedById: string | null },
) {
  const day = published.approvedAt.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  if (filter.rating && published.rating !== filter.rating) return false;
  if (
    filter.reviewerId &&
    ids.authorId !== filter.reviewerId &&
    ids.approvedById !== filter.reviewerId
  ) {
    return false;
  }
  return true;
}

export function toReportData(
  article: ReportArticleRow,
  baseUrl: string,
  filter: ClaimFilter = {},
): ReportData {
  const claims: ReportClaim[] = [];
  const recheck: string[] = [];
  for (const sentence of article.sentences) {
    if (!sentence.published) continue;
    const published = serializePublished(sentence.published);
    if (!keep(filter, published, sentence.published)) continue;
    if (published.needsRecheck) recheck.push(sentence.id);
    const written = sentence.verdicts.find((v) => v.id === published.verdictId);
    claims.push({
      sentenceId: sentence.id,
      index: sentence.index,
      text: sentence.text,
      rating: published.rating,
      rationale: published.rationale,
      reviewer: { name: published.author?.name ?? '—' },
      reviewedAt: written?.updatedAt.toISOString() ?? published.approvedAt,
      approver: published.approvedBy ? { name: published.approvedBy.name } : null,
      approvedAt: published.approvedAt,
      resolution: published.isResolution,
      sources: published.sources,
    });
  }
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
      sentenceCount: article._count.sentences,
    },
    organization: article.team.name,
    factCheckUrl: new URL(`/articles/${article.id}`, baseUrl).toString(),
    generatedAt: new Date().toISOString(),
    claims,
    agreement: agreementOf(article.sentences),
    revisions: article.revisions.map((r) => ({
      version: r.version,
      at: r.createdAt.toISOString(),
      by: r.createdBy?.name ?? null,
      note: r.note,
    })),
    recheck,
  };
}

export async function getReportData(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<ReportData> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: reportArticleSelect,
  });
  if (!article) throw notFound('Article');
  return toReportData(article, options.baseUrl);
}

/** Every article of a team, as report snapshots (for the team report). */
export async function listTeamReportData(options: {
  teamId: string;
  baseUrl: string;
  filter: ClaimFilter;
}): Promise<ReportData[]> {
  const articles = await prisma.article.findMany({
    where: { teamId: options.teamId },
    orderBy: { createdAt: 'asc' },
    select: reportArticleSelect,
  });
  return articles
    .map((article) => toReportData(article, options.baseUrl, options.filter))
    .filter((data) => data.claims.length > 0);
}

export interface RenderedReport {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

export function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return base || 'rapport';
}

export async function getReport(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
  query: unknown;
}): Promise<RenderedReport> {
  const { format } = reportQuerySchema.parse(options.query);
  const data = await getReportData(options);
  const name = `factdesk-${slug(data.article.title)}`;
  switch (format) {
    case 'markdown':
      return {
        body: toMarkdown(data),
        contentType: 'text/markdown; charset=utf-8',
        filename: `${name}.md`,
      };
    case 'csv':
      return { body: toCsv(data), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
    case 'json':
      return {
        body: JSON.stringify(toJson(data), null, 2),
        contentType: 'application/json; charset=utf-8',
        filename: `${name}.json`,
      };
    case 'claimreview':
      return {
        body: JSON.stringify(toClaimReview(data), null, 2),
        contentType: 'application/ld+json; charset=utf-8',
        filename: `${name}.claimreview.jsonld`,
      };
    case 'html':
      return {
        body: toHtmlReport(data),
        contentType: 'text/html; charset=utf-8',
        filename: `${name}.html`,
      };
    case 'pdf':
      return {
        body: new Uint8Array(await renderPdf(toHtmlReport(data))),
        contentType: 'application/pdf',
        filename: `${name}.pdf`,
      };
  }
}
