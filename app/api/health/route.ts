// Liveness for load balancers and orchestrators: the process is up and serving. No session, no
// database (a PostgreSQL outage must not get a live web process restarted): /api/ready says
// whether it can do its work.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(
    { status: 'ok', uptimeSeconds: Math.floor(process.uptime()) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
