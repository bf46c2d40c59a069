// A job's live progress (Server-Sent Events): the job's state at once, then every change the
// workers announce (PostgreSQL NOTIFY on the live channel, key `job:<id>`), until it succeeded
// or failed — then the stream ends. Members of the job's team only. Its events carry no id, so a
// reconnection starts from the current state; a Last-Event-ID is still read with the streams'
// one schema (a malformed one is a 400, as on the article stream).
import 'server-only';
import { AsyncResource } from 'node:async_hooks';
import { isJobOver, type JobDto } from '@/lib/api/job-types';
import { ensureListening, subscribe } from '@/lib/server/live/hub';
import { parseLastEventId } from '@/lib/server/live/last-event-id';
import { HEARTBEAT_MS } from '@/lib/server/live/settings';
import { getJob } from './get-job';

export async function openJobStream(options: {
  userId: string;
  jobId: string;
  /** The request's Last-Event-ID header: checked, not used (the events have no ids). */
  lastEventId?: string | null;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  parseLastEventId(options.lastEventId);
  await getJob(options); // 404 for a non-member before any byte
  await ensureListening();
  const encoder = new TextEncoder();
  let close = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let latest = '';
      const send = (job: JobDto) => {
        if (closed) return;
        const chunk = JSON.stringify(job);
        if (chunk === latest) return;
        latest = chunk;
        controller.enqueue(encoder.encode(`data: ${chunk}\n\n`));
        if (isJobOver(job)) close();
      };
      // Subscribed before the first read: a change committed meanwhile is not missed.
      // Bound to the request's async context: the job read on a notice (the LISTEN
      // connection's callback) answers in the caller's language, like the first one.
      const unsubscribe = subscribe(
        `job:${options.jobId}`,
        AsyncResource.bind((notice) => {
          const job = (notice as { job?: JobDto }).job;
          // The LISTEN connection dropped meanwhile: a change may have been missed, read the row.
          if (notice.type === 'resync') void getJob(options).then(send, () => {});
          if (!job) return;
          // The announcement leaves the result out (NOTIFY's size limit): read the finished job.
          if (isJobOver(job)) void getJob(options).then(send, () => send(job));
          else send(job);
        }),
      );
      const heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(': ping\n\n'));
      }, HEARTBEAT_MS);
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      options.signal.addEventListener('abort', close, { once: true });
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      send(await getJob(options));
    },
    cancel() {
      close();
    },
  });
}
