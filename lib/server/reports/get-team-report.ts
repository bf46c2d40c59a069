// The team report: the verified claims of every article of a team, filtered by approval date,
// verdict and reviewer, in Markdown, CSV, JSON or ClaimReview. Any member may export it. The
// reviewer filter takes the id of a member of the team: any other id (a user of another team, or
// nobody) is the same 422, which says nothing about that user.
import 'server-only';
import { prisma } from '@/lib/db';
import {
  teamToClaimReview,
  teamToCsv,
  teamToJson,
  teamToMarkdown,
  type TeamReportData,
} from '@/lib/reports';
import { REPORT_FORMAT_FILES } from '@/lib/reports/formats';
import { requirePermission } from '@/lib/server/access';
import { AppError, errorText } from '@/lib/server/errors';
import type { Locale } from '@/lib/i18n/locales';
import { stringifyJsonLd } from '@/lib/text/json-ld';
import { teamReportQuerySchema, type TeamReportQuery } from '@/lib/validations/report';
import { listTeamReportData, readerTimeZone, slug, type RenderedReport } from './get-report';

/** The member's name, or a 422 on `reviewer` when the id is not a member of the team. */
async function memberName(teamId: string, userId: string): Promise<string> {
  const membership = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { user: { select: { name: true } } },
  });
  if (!membership) {
    throw new AppError('validation_failed', 'reviewerNotMember', (locale: Locale) => [
      { path: 'reviewer', message: errorText(locale, 'noMemberWithId') },
    ]);
  }
  return membership.user.name;
}

export async function getTeamReport(options: {
  userId: string;
  teamId: string;
  baseUrl: string;
  query: unknown;
}): Promise<RenderedReport> {
  const query = teamReportQuerySchema.parse(options.query ?? {});
  const membership = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { role: true, team: { select: { name: true, publicationLanguage: true } } },
  });
  requirePermission(membership ?? undefined, 'report.export', 'team');
  const timeZone = await readerTimeZone(options.userId);
  const reviewerName = query.reviewer ? await memberName(options.teamId, query.reviewer) : null;
  const data: TeamReportData = {
    team: membership!.team.name,
    publicationLanguage: membership!.team.publicationLanguage,
    timeZone,
    generatedAt: new Date().toISOString(),
    filters: {
      from: query.from ?? null,
      to: query.to ?? null,
      rating: query.rating ?? null,
      reviewer: reviewerName,
    },
    articles: await listTeamReportData({
      teamId: options.teamId,
      baseUrl: options.baseUrl,
      filter: {
        from: query.from,
        to: query.to,
        rating: query.rating,
        reviewerId: query.reviewer,
      },
    }),
  };
  const name = `factdesk-${slug(data.team)}`;
  const { contentType, extension } = REPORT_FORMAT_FILES[query.format];
  return {
    body: teamReportBody(query.format, data),
    contentType,
    filename: `${name}.${extension}`,
  };
}

function teamReportBody(format: TeamReportQuery['format'], data: TeamReportData): string {
  switch (format) {
    case 'markdown':
      return teamToMarkdown(data);
    case 'csv':
      return teamToCsv(data);
    case 'json':
      return JSON.stringify(teamToJson(data), null, 2);
    case 'claimreview':
      return stringifyJsonLd(teamToClaimReview(data), 2);
  }
}
