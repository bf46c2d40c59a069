// 202 Accepted for work handed to a worker: the job (poll GET /api/v1/jobs/{id}, or follow it
// live on GET /api/v1/jobs/{id}/events) and its address in `Location`.
import type { JobDto } from '@/lib/api/job-types';

export function jobAccepted(job: JobDto): Response {
  return Response.json(
    { job },
    { status: 202, headers: { Location: `/api/v1/jobs/${job.id}`, 'Retry-After': '1' } },
  );
}
