// A background job as the API sends it (`{"job": JobDto}` with 202, GET /api/v1/jobs/{id}, each
// `data:` of /api/v1/jobs/{id}/events). The schema is lib/validations/dto/job.ts's, the one
// the server's serializer (lib/server/jobs/serialize-job.ts) is typed from and the browser
// (lib/api/follow-job.ts) parses with; this module adds the browser's helpers. No server
// imports, so client components may use it.
import type { z } from 'zod';
import type { JobKind, JobStatus } from '@/generated/prisma/enums';
import { jobDto, jobResponseDto } from '@/lib/validations/dto/job';

export type { JobKind, JobStatus };
export type JobDto = z.output<typeof jobDto>;

/** The job of a response body, or null when the body is something else (e.g. a 201 article). */
export function jobOf(body: unknown): JobDto | null {
  const parsed = jobResponseDto.safeParse(body);
  return parsed.success ? parsed.data.job : null;
}

export function isJobOver(job: Pick<JobDto, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}
