import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getJob } from '@/lib/server/jobs/get-job';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const jobId = parseId((await params).id, 'job');
  return Response.json(
    { job: await getJob({ userId: user.id, jobId }) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
