// Liveness for load balancers and orchestrators: the process is up and serving. No session, no
// database (a PostgreSQL outage must not get a live web process restarted): /api/ready says
// whether it can do its work. Also how long the event loop was held up (`?reset=1` starts a
// new window), the figure the budget on every request keeps low.
import { eventLoopDelay } from '@/lib/server/health/event-loop';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  const reset = new URL(request.url).searchParams.get('reset') === '1';
  return Response.json(
    {
      status: 'ok',
      uptimeSeconds: Math.floor(process.uptime()),
      eventLoopDelay: eventLoopDelay({ reset }),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
