// A team's published fact-check, readable by anyone (lib/server/publications/get-public-page.ts).
import { publicBaseUrl } from '@/lib/api/base-url';
import { publicDocument, publicStatus } from '@/lib/api/public-response';
import { findPublicPage } from '@/lib/server/publications/get-public-page';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ team: string; article: string }> },
) {
  const { team, article } = await params;
  const page = await findPublicPage({
    teamSlug: team,
    articleSlug: article,
    baseUrl: publicBaseUrl(request),
  });
  if (page.kind === 'missing') return publicStatus(404);
  if (page.kind === 'gone') return publicStatus(410);
  return publicDocument(request, page, 'text/html; charset=utf-8', page.render);
}
