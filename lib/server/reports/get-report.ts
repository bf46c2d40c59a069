// Gathers an article's verified claims — its published verdicts, approved by a second member
// or settled by an editor — and its agreement figures, and renders them in the asked format
// with the pure builders of lib/reports.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { agreementOf, agreementSentenceSelect } from '@/lib/server/articles/get-agreement';
import { publishedSelect, serializePublished } from '@/lib/server/verdicts/published';
import { toClaimReview, toCsv, toJson, toMarkdown } from '@/lib/reports';
import type { ReportData } from '@/lib/reports';
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
        where: { kind: 'sentence' },
        orderBy: { index: 'asc' },
        select: {
          text: true,
          index: true,
          ...agreementSentenceSelect,
          published: { select: { sentenceId: true, ...publishedSelect } },
          verdicts: {
            select: { rating: true, status: true, id: true, updatedAt: true },
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
    claims: article.sentences.flatMap((sentence) => {
      if (!sentence.published) return [];
      const published = serializePublished(sentence.published);
      const written = sentence.verdicts.find((v) => v.id === published.verdictId);
      return [
        {
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
        },
      ];
    }),
    agreement: agreementOf(article.sentences),
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
