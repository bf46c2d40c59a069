// Announcing a job's state to the API's job streams (GET /api/v1/jobs/{id}/events).
import 'server-only';
import type { Tx } from '@/lib/db';
import { LIVE_CHANNEL } from '@/lib/server/audit/record-audit';
import { serializeJob, type JobRow } from './serialize-job';

/** Announces a job's state on the live channel (delivered when `db`'s transaction commits). */
export async function notifyJob(db: Pick<Tx, '$executeRaw'>, job: JobRow): Promise<void> {
  // NOTIFY payloads stop at 8,000 bytes: the result (which may list hundreds of skipped items)
  // is left out; listeners read the finished job from its row.
  const dto = { ...serializeJob(job), result: null };
  await db.$executeRaw`
    SELECT pg_notify(${LIVE_CHANNEL}, json_build_object(
      'eventId', NULL,
      'articleId', ${`job:${job.id}`}::text,
      'sentenceId', NULL,
      'type', ${`job.${job.status}`}::text,
      'entity', 'job',
      'id', ${job.id}::text,
      'actor', NULL,
      'job', ${JSON.stringify(dto)}::json
    )::text)`;
}
