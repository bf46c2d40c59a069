// Background jobs as the benchmark sees them: a request answered 202 `{"job": …}` (parsed with
// the API's own schema, lib/api/job-types.ts), then followed as the browser does — the job's
// event stream (GET /api/v1/jobs/{id}/events: its state at once, then every change, ending
// when it is over), so the end is seen when the worker announces it and not at the next
// poll, and the web server only forwards notices. Polling GET /api/v1/jobs/{id} takes over if
// the stream ends early. Times are performance.now() of this process.
import { performance } from 'node:perf_hooks';
import { isJobOver, jobOf, type JobDto } from '../../lib/api/job-types';
import { jobDto } from '../../lib/validations/dto/job';
import { sleep } from './context';
import type { Http, HttpResponse } from './http';

export type { JobDto };

/** The job of a 202 answer; anything else throws with the start of the body. */
export function acceptedJob(response: HttpResponse, what: string): JobDto {
  const text = response.body.toString('utf8');
  let job: JobDto | null = null;
  if (response.status === 202) {
    try {
      job = jobOf(JSON.parse(text));
    } catch {
      /* not JSON: reported below */
    }
  }
  if (!job) {
    throw new Error(
      `${what} answered ${response.status} (expected 202 and a job): ${text.slice(0, 300)}`,
    );
  }
  return job;
}

export interface FollowedJob {
  job: JobDto;
  /** performance.now() when the job was seen over. */
  overAt: number;
}

const POLL_MS = 250;

/** Follows `jobId` until it succeeded (returned) or failed (thrown, with its error). */
export async function followJob(http: Http, cookie: string, jobId: string): Promise<FollowedJob> {
  // Filled from the stream's callback (and the polls), read after the stream ended.
  const state: { over: { job: JobDto; at: number } | null } = { over: null };
  const seen = (job: JobDto) => {
    if (isJobOver(job)) state.over ??= { job, at: performance.now() };
  };
  let buffer = '';
  const stream = await http.request('GET', `/api/v1/jobs/${jobId}/events`, {
    cookie,
    onChunk: (chunk) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of event.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          const parsed = jobDto.safeParse(JSON.parse(line.slice('data: '.length)));
          if (parsed.success) seen(parsed.data);
        }
      }
    },
  });
  if (stream.status !== 200) {
    throw new Error(`job ${jobId} events answered ${stream.status}: ${stream.body.toString()}`);
  }
  let over = state.over;
  while (!over) {
    const job = jobOf(await http.json<unknown>('GET', `/api/v1/jobs/${jobId}`, { cookie }));
    if (!job) throw new Error(`GET /api/v1/jobs/${jobId}: not a job`);
    seen(job);
    over = state.over;
    if (!over) await sleep(POLL_MS);
  }
  if (over.job.status === 'failed') {
    throw new Error(
      `job ${jobId} (${over.job.kind}) failed: ${over.job.error?.code ?? '?'} ${over.job.error?.message ?? ''}`,
    );
  }
  return { job: over.job, overAt: over.at };
}

/** Server-side times of a finished job (same machine, same clock): queue wait and run. */
export function serverTimes(job: JobDto): { queuedMs: number | null; runMs: number | null } {
  const created = Date.parse(job.createdAt);
  const started = job.startedAt ? Date.parse(job.startedAt) : null;
  const finished = job.finishedAt ? Date.parse(job.finishedAt) : null;
  return {
    queuedMs: started === null ? null : started - created,
    runMs: started === null || finished === null ? null : finished - started,
  };
}
