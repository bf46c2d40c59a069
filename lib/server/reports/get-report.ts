// Gathers an article's verified claims (see verdicts/verified.ts) and renders them in the
// asked format with the pure builders of lib/reports.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { verifiedSentenceWhere } from '@/lib/server/verdicts/verified';
import { toClaimReview, toCsv, toJson, toMarkdown } from '@/lib/reports';
import type { Rating, ReportData } from '@/lib/reports';
import { reportQuerySchema } from '@/lib/validations/report';

export async function getReportData(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<ReportData> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      id: true,
      title: true,
      language: true,
      sourceUrl: true,
      publisher: true,
      partial: true,
      team: { select: { name: true } },
      _count: { select: { sentences: { where: { kind: 'sentence' } } } },
      sentences: {
        where: verifiedSentenceWhere,
        orderBy: { index: 'asc' },
        select: {
          id: true,
          index: true,
          text: true,
          // The latest verdict backed by a source speaks for the sentence.
          verdicts: {
            where: { sources: { some: {} } },
            orderBy: { updatedAt: 'desc' },
            take: 1,
            select: {
              rating: true,
              rationale: true,
              updatedAt: true,
              author: { select: { name: true } },
              sources: {
                orderBy: { position: 'asc' },
                select: {
                  url: true,
                  title: true,
                  publisher: true,
                  publishedAt: true,
                  excerpt: true,
                },
              },
            },
          },
        },
      },
    },
  });
  if (!article) throw notFound('Article');
  return {
    article: {
      id: article.id,
      title: article.title,
      language: article.language,
      sourceUrl: article.sourceUrl,
      publisher: article.publisher,
      partial: article.partial,
      sentenceCount: article._count.sentences,
    },
    organization: article.team.name,
    factCheckUrl: new URL(`/articles/${article.id}`, options.baseUrl).toString(),
    generatedAt: new Date().toISOString(),
    claims: article.sentences.flatMap((sentence) =>
      sentence.verdicts.map((verdict) => ({
        sentenceId: sentence.id,
        index: sentence.index,
        text: sentence.text,
        rating: verdict.rating as Rating,
        rationale: verdict.rationale,
        reviewer: { name: verdict.author.name },
        reviewedAt: verdict.updatedAt.toISOString(),
        sources: verdict.sources.map((source) => ({
          ...source,
          publishedAt: source.publishedAt ? source.publishedAt.toISOString().slice(0, 10) : null,
        })),
      })),
    ),
  };
}

export interface RenderedReport {
  body: string;
  contentType: string;
  filename: string;
}

function slug(title: string): string {
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
  }
}
