// The team report: the verified claims of every article of a team, filtered by approval date,
// verdict and reviewer, in Markdown, CSV, JSON or ClaimReview. Any member may export it.
import 'server-only';
import { prisma } from '@/lib/db';
import { teamToClaimReview, teamToCsv, teamToJson, teamToMarkdown } from '@/lib/reports';
import { requirePermission } from '@/lib/server/access';
import { teamReportQuerySchema } from '@/lib/validations/report';
import { listTeamReportData, slug, type RenderedReport } from './get-report';

export async function getTeamReport(options: {
  userId: string;
  teamId: string;
  baseUrl: string;
  query: unknown;
}): Promise<RenderedReport> {
  const query = teamReportQuerySchema.parse(options.query ?? {});
  const membership = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { role: true, team: { select: { name: true } } },
  });
  requirePermission(membership ?? undefined, 'report.export', 'Rédaction');
  const reviewerName = query.reviewer
    ? ((await prisma.user.findUnique({ where: { id: query.reviewer }, select: { name: true } }))
        ?.name ?? null)
    : null;
  const data = {
    team: membership!.team.name,
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
  switch (query.format) {
    case 'markdown':
      return {
        body: teamToMarkdown(data),
        contentType: 'text/markdown; charset=utf-8',
        filename: `${name}.md`,
      };
    case 'csv':
      return {
        body: teamToCsv(data),
        contentType: 'text/csv; charset=utf-8',
        filename: `${name}.csv`,
      };
    case 'json':
      return {
        body: JSON.stringify(teamToJson(data), null, 2),
        contentType: 'application/json; charset=utf-8',
        filename: `${name}.json`,
      };
    case 'claimreview':
      return {
        body: JSON.stringify(teamToClaimReview(data), null, 2),
        contentType: 'application/ld+json; charset=utf-8',
        filename: `${name}.claimreview.jsonld`,
      };
  }
}
