// A team's public index of published fact-checks (lib/server/publications/get-public-page.ts).
import { publicBaseUrl } from '@/lib/api/base-url';
import { publicDocument, publicStatus } from '@/lib/api/public-response';
import { findPublicTeam } from '@/lib/server/publications/get-public-page';

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  const team = await findPublicTeam({
    teamSlug: (await params).team,
    baseUrl: publicBaseUrl(request),
  });
  if (team.kind === 'missing') return publicStatus(404);
  return publicDocument(request, team, 'text/html; charset=utf-8', team.index);
}
