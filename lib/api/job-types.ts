// A background job as the API sends it (`{"job": JobDto}` with 202, GET /api/v1/jobs/{id}, each
// `data:` of /api/v1/jobs/{id}/events): one schema for the server's serializer
// (lib/server/jobs/jobs.ts), the browser (lib/api/follow-job.ts) and tests. No server imports,
// so client components may use it; the enums match prisma/schema.prisma's JobKind/JobStatus.
import { z } from 'zod';

export const JOB_KINDS = [
  'article_import',
  'article_revise',
  'annotations_import',
  'report_pdf',
] as const;
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

export type JobKind = (typeof JOB_KINDS)[number];
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobDtoSchema = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  /** 0 to 1. */
  progress: z.number().min(0).max(1),
  articleId: z.string().nullable(),
  /** Where the result is, once the job succeeded (an API address). */
  resultUrl: z.string().nullable(),
  /** The page to open for it in the app, once succeeded. */
  pageUrl: z.string().nullable(),
  /** A small summary of the outcome (counts, messages), once succeeded. */
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export type JobDto = z.output<typeof jobDtoSchema>;

/** The body of a 202 Accepted and of GET /api/v1/jobs/{id}. */
export const jobResponseSchema = z.object({ job: jobDtoSchema });

/** The job of a response body, or null when the body is something else (e.g. a 201 article). */
export function jobOf(body: unknown): JobDto | null {
  const parsed = jobResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.job : null;
}

export function isJobOver(job: Pick<JobDto, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}
