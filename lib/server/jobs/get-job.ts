// A job's state, for a member of its team (GET /api/v1/jobs/{id}, the job stream).
import 'server-only';
import { prisma } from '@/lib/db';
import type { JobDto } from '@/lib/api/job-types';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { jobSelect, serializeJob } from './serialize-job';

/** The job, for a member of its team only (anyone else: 404, nothing leaks). */
export async function getJob(options: { userId: string; jobId: string }): Promise<JobDto> {
  const job = await prisma.job.findFirst({
    where: { id: options.jobId, ...articleOfMember(options.userId) },
    select: jobSelect,
  });
  if (!job) throw notFound('job');
  return serializeJob(job);
}
