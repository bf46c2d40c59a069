// Readiness for load balancers and orchestrators: 200 when the database answers, the migrations
// are applied and the job queue is there, else 503 with what is missing (lib/server/health).
// No session. Its own shape `{status, checks}`, not the /api/v1 error shape: it is read by
// probes, not by API clients.
import { getReadiness } from '@/lib/server/health/get-readiness';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const readiness = await getReadiness();
  return Response.json(readiness, {
    status: readiness.status === 'ready' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
