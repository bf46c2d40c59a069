import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { openJobStream } from '@/lib/server/jobs/open-job-stream';
import { getRequiredUser } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const jobId = parseId((await params).id, 'job');
  const stream = await openJobStream({
    userId: user.id,
    jobId,
    lastEventId: request.headers.get('last-event-id'),
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
});
