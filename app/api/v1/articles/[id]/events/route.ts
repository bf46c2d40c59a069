import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { openArticleStream } from '@/lib/server/live/open-article-stream';
import { getRequiredUser } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const stream = await openArticleStream({
    userId: user.id,
    articleId,
    lastEventId: request.headers.get('last-event-id'),
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: keeps `next start`'s compression from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
});
