// The ClaimReview feeds a team follows (GET|POST|DELETE /api/v1/teams/{id}/fact-check-feeds):
// another organisation's DataFeed, an array of ClaimReviews or a page with JSON-LD, fetched by
// the worker through the SSRF-safe fetcher — at once when added, then on a schedule
// (FACT_CHECK_FEED_CRON, hourly by default; each feed every FACT_CHECK_FEED_EVERY_HOURS). A
// refresh stores what the feed holds now in one transaction (new URLs added, known ones
// replaced); a feed that fails keeps what it had and says why. Removing a feed removes the
// fact-checks it brought.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { decodeBody, fetchPublicResource, FetchRefused } from '@/lib/server/import/fetch-url';
import { logger } from '@/lib/server/log';
import { wholeNumber } from '@/lib/server/settings';
import { factCheckFeedSchema } from '@/lib/validations/matching';
import { parseDocument, requireFactCheckEditor } from './import-fact-checks';
import { storeFactChecks } from './store-fact-checks';

/** A feed's body, in bytes, and its ClaimReviews: larger than a file, as it runs in the worker. */
export const FEED_MAX_BYTES = 10 * 1024 * 1024;
export const FEED_MAX_ITEMS = 10_000;

export interface FactCheckFeedView {
  id: string;
  url: string;
  trusted: boolean;
  createdAt: string;
  fetchedAt: string | null;
  status: 'ok' | 'error' | null;
  /** Why the last refresh failed: a stable code (`timeout`, `not_json`, `bad_status`…). */
  error: string | null;
  itemCount: number;
  skipped: number;
}

const feedSelect = {
  id: true,
  url: true,
  trusted: true,
  createdAt: true,
  fetchedAt: true,
  status: true,
  error: true,
  itemCount: true,
  skipped: true,
} as const;

type FeedRow = {
  id: string;
  url: string;
  trusted: boolean;
  createdAt: Date;
  fetchedAt: Date | null;
  status: string | null;
  error: string | null;
  itemCount: number;
  skipped: number;
};

function feedView(row: FeedRow): FactCheckFeedView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    fetchedAt: row.fetchedAt?.toISOString() ?? null,
    status: row.status === 'ok' || row.status === 'error' ? row.status : null,
  };
}

export function feedEveryHours(): number {
  return wholeNumber('FACT_CHECK_FEED_EVERY_HOURS', 6);
}

async function queueRefresh(tx: Tx, feedId: string): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      'fact_check_feed',
      json_build_object('feedId', ${feedId}::text),
      job_key => ${`feed:${feedId}`}::text,
      max_attempts => 2,
      queue_name => 'fact_check_feeds',
      priority => 10)`;
}

/** Any member sees the feeds their team follows. */
export async function listFactCheckFeeds(options: {
  userId: string;
  teamId: string;
}): Promise<FactCheckFeedView[]> {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const team = await prisma.team.findFirst({
    where: { id: options.teamId, memberships: { some: { userId: options.userId } } },
    select: { factCheckFeeds: { select: feedSelect, orderBy: { createdAt: 'asc' } } },
  });
  if (!team) throw notFound('team');
  return team.factCheckFeeds.map(feedView);
}

export async function addFactCheckFeed(options: {
  userId: string;
  teamId: string;
  input: unknown;
}): Promise<FactCheckFeedView> {
  const { url, trust } = factCheckFeedSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    await requireFactCheckEditor(tx, options.userId, options.teamId);
    const created = await tx.$queryRaw<FeedRow[]>`
      INSERT INTO fact_check_feeds (id, team_id, url, trusted, added_by_id)
      VALUES (gen_random_uuid(), ${options.teamId}::uuid, ${url}, ${trust}, ${options.userId}::uuid)
      ON CONFLICT (team_id, url) DO NOTHING
      RETURNING id, url, trusted, created_at AS "createdAt", fetched_at AS "fetchedAt", status,
                error, item_count AS "itemCount", skipped`;
    if (created.length === 0) throw new AppError('conflict', 'factChecks.feedExists');
    const feed = created[0];
    await queueRefresh(tx, feed.id);
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'factcheck.feed_add',
      entityType: 'team',
      entityId: options.teamId,
      after: { feedId: feed.id, url, trusted: trust },
    });
    return feedView(feed);
  });
}

export async function removeFactCheckFeed(options: {
  userId: string;
  teamId: string;
  feedId: string;
}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await requireFactCheckEditor(tx, options.userId, options.teamId);
    const feed = await tx.factCheckFeed.findFirst({
      where: { id: options.feedId, teamId: options.teamId },
      select: { id: true, url: true, _count: { select: { factChecks: true } } },
    });
    if (!feed) throw notFound('feed');
    // Its fact-checks (and their claim_index rows) go with it: cascades.
    await tx.factCheckFeed.delete({ where: { id: feed.id } });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'factcheck.feed_remove',
      entityType: 'team',
      entityId: options.teamId,
      before: { feedId: feed.id, url: feed.url, factChecks: feed._count.factChecks },
    });
  });
}

function isFeedType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return (
    type === 'application/json' ||
    type === 'application/ld+json' ||
    type === 'text/html' ||
    type === 'application/xhtml+xml' ||
    type === 'text/plain' ||
    type === ''
  );
}

/** Why a refresh failed, as the stable code stored on the feed. */
function failureCode(error: unknown): string {
  if (error instanceof FetchRefused) return error.code;
  if (error instanceof AppError) {
    const key = error.text.key;
    return key.startsWith('factChecks.') ? key.slice('factChecks.'.length) : error.code;
  }
  return 'internal';
}

/** One feed, fetched and stored (the worker's task `fact_check_feed`). */
export async function refreshFactCheckFeed(feedId: string): Promise<FactCheckFeedView | null> {
  const feed = await prisma.factCheckFeed.findUnique({
    where: { id: feedId },
    select: { id: true, teamId: true, url: true, trusted: true },
  });
  if (!feed) return null; // removed meanwhile
  try {
    const fetched = await fetchPublicResource(feed.url, {
      accept: 'application/ld+json, application/json;q=0.9, text/html;q=0.8',
      acceptsBody: isFeedType,
      maxBytes: FEED_MAX_BYTES,
      timeoutMs: 20_000,
    });
    if (fetched.status !== 200 || !fetched.bytes) {
      throw new FetchRefused('bad_status', {
        key: 'badStatus',
        values: { status: fetched.status },
      });
    }
    const type = (fetched.contentType ?? '').toLowerCase();
    const text = decodeBody(fetched.bytes, fetched.contentType, type.includes('html'));
    const parsed = parseDocument(text, { maxItems: FEED_MAX_ITEMS, maxCharacters: FEED_MAX_BYTES });
    const row = await prisma.$transaction(async (tx) => {
      const stillThere = await tx.factCheckFeed.findUnique({
        where: { id: feed.id },
        select: { id: true },
      });
      if (!stillThere) return null;
      await storeFactChecks(tx, parsed.items, {
        teamId: feed.teamId,
        userId: null,
        feedId: feed.id,
        trust: feed.trusted,
      });
      return tx.factCheckFeed.update({
        where: { id: feed.id },
        data: {
          fetchedAt: new Date(),
          status: 'ok',
          error: null,
          itemCount: parsed.items.length,
          skipped: parsed.skipped.length,
        },
        select: feedSelect,
      });
    });
    return row && feedView(row);
  } catch (error) {
    const code = failureCode(error);
    logger.warn({ feedId: feed.id, code }, 'fact-check feed refresh failed');
    const rows = await prisma.factCheckFeed.updateManyAndReturn({
      where: { id: feed.id },
      data: { fetchedAt: new Date(), status: 'error', error: code },
      select: feedSelect,
    });
    return rows[0] ? feedView(rows[0]) : null;
  }
}

/** The scheduled run (cron task `fact_check_feeds`): the due feeds, oldest first, a batch. */
export async function refreshDueFeeds(
  options: { batch?: number; everyHours?: number; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const due = new Date(now.getTime() - (options.everyHours ?? feedEveryHours()) * 3_600_000);
  const feeds = await prisma.factCheckFeed.findMany({
    where: { OR: [{ fetchedAt: null }, { fetchedAt: { lt: due } }] },
    orderBy: [{ fetchedAt: { sort: 'asc', nulls: 'first' } }],
    take: options.batch ?? wholeNumber('FACT_CHECK_FEED_BATCH', 20),
    select: { id: true },
  });
  for (const feed of feeds) await refreshFactCheckFeed(feed.id);
  return feeds.length;
}
