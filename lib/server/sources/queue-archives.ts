// Queues the archiving of a verdict's sources (archive.ts does the work, in a worker), kept
// apart so the web process's verdict writes do not load the fetcher and the readers.
import 'server-only';
import type { Tx } from '@/lib/db';

/**
 * Queues a snapshot of each address the team does not have yet, in the caller's transaction:
 * the rows and their jobs exist exactly when the verdict's write commits.
 */
export async function queueSourceArchives(
  tx: Tx,
  teamId: string,
  urls: readonly string[],
): Promise<void> {
  const unique = [...new Set(urls)];
  if (unique.length === 0) return;
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO source_snapshots (id, team_id, url)
    SELECT gen_random_uuid(), ${teamId}::uuid, url FROM unnest(${unique}::text[]) AS url
    ON CONFLICT (team_id, url) DO NOTHING
    RETURNING id`;
  for (const { id } of created) {
    await tx.$executeRaw`
      SELECT graphile_worker.add_job(
        'source_archive',
        json_build_object('snapshotId', ${id}::text),
        job_key => ${`archive:${id}`}::text,
        max_attempts => 3,
        -- One fetch at a time in the whole deployment, after the members' own jobs: a burst of
        -- cited sources (or slow sites) never holds every worker slot.
        queue_name => 'source_archive',
        priority => 10)`;
  }
}
