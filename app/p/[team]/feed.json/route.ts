// A team's ClaimReview feed: a schema.org DataFeed of its published ClaimReviews.
import { publicBaseUrl } from '@/lib/api/base-url';
import { publicDocument, publicStatus } from '@/lib/api/public-response';
import { findPublicTeam } from '@/lib/server/publications/get-public-page';

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  const team = await findPublicTeam({
    teamSlug: (await params).team,
    baseUrl: publicBaseUrl(request),
  });
  if (team.kind === 'missing') return publicStatus(404);
  return publicDocument(request, team, 'application/ld+json; charset=utf-8', team.claimReviewFeed);
}
