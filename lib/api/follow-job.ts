// Following a background job from the browser until it is over: the job's event stream
// (GET /api/v1/jobs/{id}/events, one JobDto per change, the current state first), and polling
// GET /api/v1/jobs/{id} instead when the stream fails or stays silent (a buffering proxy holds
// every event back; a dropped connection). Resolves with the succeeded job; a failed job
// rejects with a JobFailedError carrying the job's own code and French message.
import { ApiError, apiFetch, networkText } from './client';
import { jobDto } from '@/lib/validations/dto/job';
import { jobOf, type JobDto } from './job-types';

export const POLL_INTERVAL_MS = 1500;
/** Polling after failed requests waits longer each time, up to this. */
const MAX_POLL_INTERVAL_MS = 15_000;
/** The stream sends the job's state at once: silence this long means something holds it back. */
export const FIRST_EVENT_TIMEOUT_MS = 4000;

/**
 * The work failed (the request that started it had succeeded). `status` is 0: no HTTP response
 * failed; `code` and `message` are the job's (e.g. `conflict`, `import_failed`).
 */
export class JobFailedError extends ApiError {
  constructor(readonly job: JobDto) {
    super(0, job.error?.code ?? 'internal', job.error?.message || networkText('jobFailed'), {
      jobId: job.id,
    });
  }
}

/** Worth asking again: no answer, a busy or restarting server. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500)
  );
}

export function followJob(
  jobId: string,
  onUpdate: (job: JobDto) => void,
  signal?: AbortSignal,
): Promise<JobDto> {
  const path = `/api/v1/jobs/${encodeURIComponent(jobId)}`;
  return new Promise<JobDto>((resolve, reject) => {
    let settled = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polling = false;
    let failures = 0;
    let latest = '';

    const stop = () => {
      settled = true;
      source?.close();
      source = null;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown) => {
      if (settled) return;
      stop();
      reject(error);
    };
    function onAbort() {
      fail(new ApiError(0, 'aborted', 'Suivi du traitement interrompu.'));
    }
    const update = (job: JobDto) => {
      if (settled || job.id !== jobId) return;
      // The stream and the polls repeat unchanged states (heartbeats, a retried request).
      const snapshot = JSON.stringify(job);
      if (snapshot !== latest) {
        latest = snapshot;
        onUpdate(job);
      }
      if (job.status === 'succeeded') {
        stop();
        resolve(job);
      } else if (job.status === 'failed') {
        fail(new JobFailedError(job));
      }
    };

    const poll = async () => {
      if (settled) return;
      try {
        const job = jobOf(await apiFetch<unknown>(path, { signal, cache: 'no-store' }));
        if (!job) throw new ApiError(500, 'unknown', networkText('unexpectedAnswer'));
        failures = 0;
        update(job);
      } catch (error) {
        if (settled) return;
        // A lost connection or a restarting server: the job goes on, keep asking.
        if (!isTransient(error)) return fail(error);
        failures += 1;
      }
      if (settled) return;
      const delay = Math.min(POLL_INTERVAL_MS * 2 ** failures, MAX_POLL_INTERVAL_MS);
      timer = setTimeout(() => void poll(), delay);
    };
    const startPolling = () => {
      if (settled || polling) return;
      polling = true;
      source?.close();
      source = null;
      clearTimeout(timer);
      void poll();
    };

    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    if (typeof EventSource === 'undefined') return startPolling();
    source = new EventSource(`${path}/events`);
    timer = setTimeout(startPolling, FIRST_EVENT_TIMEOUT_MS);
    source.onmessage = (message: MessageEvent<string>) => {
      clearTimeout(timer);
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = jobDto.safeParse(data);
      if (parsed.success) update(parsed.data);
    };
    // EventSource would reconnect by itself, but an error also covers a refused stream (404,
    // 401) and proxies that cut it: polling answers every case, and says 404 plainly.
    source.onerror = startPolling;
  });
}
