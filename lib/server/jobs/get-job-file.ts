// A succeeded job's stored result: the PDF file, else the JSON summary (GET …/result).
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { AppError, notFound } from '@/lib/server/errors';

/** The binary result (the PDF) of a succeeded job, for a member of its team. */
export async function getJobFile(options: { userId: string; jobId: string }) {
  const job = await prisma.job.findFirst({
    where: { id: options.jobId, ...articleOfMember(options.userId) },
    select: { status: true, kind: true, file: true, result: true },
  });
  if (!job) throw notFound('job');
  if (job.status !== 'succeeded') {
    throw new AppError('invalid_state', 'jobNotFinished', { status: job.status });
  }
  return job;
}
