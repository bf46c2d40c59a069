// Reading the source archive: what is known of each cited address (for the panel and the
// reports), and the archived copy itself — for the team's members, and for anyone once a
// published page of the team cites it. Membership (or publication) is checked in each query.
import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import type { SourceArchive } from '@/lib/reports/types';
import { AppError, notFound } from '@/lib/server/errors';
import { SLUG_PATTERN } from '@/lib/text/slug';

/** The SQL of a `snapshots` column: the archive of each source of published verdict `p`. */
export function snapshotsOfSourcesSql(publishedAlias: string, teamIdSql: Prisma.Sql): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(publishedAlias)) throw new Error('Not an alias');
  const p = Prisma.raw(publishedAlias);
  return Prisma.sql`(
    SELECT coalesce(jsonb_agg(jsonb_build_object(
             'url', snap.url, 'id', snap.id, 'status', snap.status, 'reason', snap.reason,
             'fetchedAt', snap.fetched_at, 'sha256', snap.sha256, 'checkState', snap.check_state,
             'checkedAt', snap.checked_at)), '[]'::jsonb)
      FROM source_snapshots snap
     WHERE snap.team_id = ${teamIdSql}
       AND snap.url IN (SELECT x->>'url' FROM jsonb_array_elements(${p}.sources) x))`;
}

interface SnapshotRow {
  url: string;
  id: string;
  status: string;
  reason: string | null;
  fetchedAt: string | null;
  sha256: string | null;
  checkState: string | null;
  checkedAt: string | null;
}

/** What the reports say of a source's archive, by URL, with the copy at `copyUrl(id)`. */
export function archivesByUrl(
  snapshots: unknown,
  copyUrl: (id: string) => string,
): Map<string, SourceArchive> {
  const map = new Map<string, SourceArchive>();
  // PostgreSQL's JSON writes `+00:00`, JavaScript `Z`: one form whatever the source.
  const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
  if (!Array.isArray(snapshots)) return map;
  for (const row of snapshots as SnapshotRow[]) {
    map.set(row.url, {
      status:
        row.status === 'archived'
          ? 'archived'
          : row.status === 'unavailable'
            ? 'unavailable'
            : 'pending',
      reason: row.reason,
      copyUrl: row.status === 'archived' ? copyUrl(row.id) : null,
      archivedAt: row.status === 'archived' ? iso(row.fetchedAt) : null,
      sha256: row.sha256,
      checkState: row.checkState === 'dead' || row.checkState === 'changed' ? row.checkState : null,
      checkedAt: iso(row.checkedAt),
    });
  }
  return map;
}

export interface SnapshotCopy {
  body: Uint8Array;
  contentType: string;
  url: string;
  fetchedAt: Date;
}

const copySelect = {
  url: true,
  status: true,
  body: true,
  contentType: true,
  fetchedAt: true,
} as const;

function copyOf(
  row: {
    url: string;
    status: string;
    body: Uint8Array | null;
    contentType: string | null;
    fetchedAt: Date | null;
  } | null,
): SnapshotCopy {
  if (!row || row.status !== 'archived' || !row.body || !row.fetchedAt) {
    throw new AppError('not_found', 'notFound.snapshot');
  }
  return {
    body: row.body,
    contentType: row.contentType ?? 'application/octet-stream',
    url: row.url,
    fetchedAt: row.fetchedAt,
  };
}

/** The archived copy, for a member of the team that cites it. */
export async function getSnapshotCopy(options: { userId: string; snapshotId: string }) {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const row = await prisma.sourceSnapshot.findFirst({
    where: { id: options.snapshotId, team: { memberships: { some: { userId: options.userId } } } },
    select: copySelect,
  });
  return copyOf(row);
}

/** The archived copy, for anyone, when a published page of the team cites it. */
export async function getPublicSnapshotCopy(options: { teamSlug: string; snapshotId: string }) {
  if (!SLUG_PATTERN.test(options.teamSlug)) throw notFound('team');
  const rows = await prisma.$queryRaw<
    {
      url: string;
      status: string;
      body: Uint8Array | null;
      content_type: string | null;
      fetched_at: Date | null;
    }[]
  >`
    SELECT snap.url, snap.status, snap.body, snap.content_type, snap.fetched_at
      FROM source_snapshots snap
      JOIN teams t ON t.id = snap.team_id AND t.slug = ${options.teamSlug}
     WHERE snap.id = ${options.snapshotId}::uuid
       AND EXISTS (SELECT 1
                     FROM publications pub
                     JOIN sentences s ON s.article_id = pub.article_id
                     JOIN published_verdicts p ON p.sentence_id = s.id
                    WHERE pub.team_id = snap.team_id AND pub.unpublished_at IS NULL
                      AND p.sources @> jsonb_build_array(jsonb_build_object('url', snap.url)))`;
  const row = rows[0];
  return copyOf(
    row
      ? {
          url: row.url,
          status: row.status,
          body: row.body,
          contentType: row.content_type,
          fetchedAt: row.fetched_at,
        }
      : null,
  );
}

/**
 * A snapshot of `url` changed (archived, flagged): the published pages of the team that cite
 * it change too — their revision (ETag) and Last-Modified move, so no cache keeps them as they
 * were.
 */
export async function touchPagesCiting(snapshotId: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE publications pub
       SET revision = pub.revision + 1, modified_at = clock_timestamp()
      FROM source_snapshots snap
     WHERE snap.id = ${snapshotId}::uuid
       AND pub.team_id = snap.team_id
       AND pub.unpublished_at IS NULL
       AND EXISTS (SELECT 1
                     FROM sentences s
                     JOIN published_verdicts p ON p.sentence_id = s.id
                    WHERE s.article_id = pub.article_id
                      AND p.sources @> jsonb_build_array(jsonb_build_object('url', snap.url)))`;
}

/**
 * The archive of `urls` as the team of `articleId` holds it (already access-checked by the
 * caller), for the sentence panel: one entry per archived address, copies at their API route.
 */
export async function listSourceArchives(options: { articleId: string; urls: string[] }) {
  const urls = [...new Set(options.urls)];
  if (urls.length === 0) return [];
  const rows = await prisma.sourceSnapshot.findMany({
    where: { url: { in: urls }, team: { articles: { some: { id: options.articleId } } } },
    select: archiveSelect,
  });
  const archives = archivesOfRows(rows, (id) => `/api/v1/snapshots/${id}/copy`);
  return [...archives].map(([url, archive]) => ({ url, ...archive }));
}

/** The snapshot rows Prisma reads (archiveSelect), as archivesByUrl takes them. */
export function archivesOfRows(
  rows: Prisma.SourceSnapshotGetPayload<{ select: typeof archiveSelect }>[],
  copyUrl: (id: string) => string,
): Map<string, SourceArchive> {
  return archivesByUrl(
    rows.map((row) => ({
      ...row,
      fetchedAt: row.fetchedAt?.toISOString() ?? null,
      checkedAt: row.checkedAt?.toISOString() ?? null,
    })),
    copyUrl,
  );
}

/** What archivesOfRows needs of a snapshot. */
export const archiveSelect = {
  id: true,
  url: true,
  status: true,
  reason: true,
  fetchedAt: true,
  sha256: true,
  checkState: true,
  checkedAt: true,
} as const;

/**
 * How many sources the verdicts of the article cite that the link check flagged (dead or
 * changed), for the reader's notice; membership checked in the query.
 */
export async function countArticleSourceAlerts(options: {
  userId: string;
  articleId: string;
}): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(DISTINCT snap.url)::int AS count
      FROM articles a
      JOIN memberships m ON m.team_id = a.team_id AND m.user_id = ${options.userId}::uuid
      JOIN sentences s ON s.article_id = a.id
      JOIN verdicts v ON v.sentence_id = s.id
      JOIN sources src ON src.verdict_id = v.id
      JOIN source_snapshots snap ON snap.team_id = a.team_id AND snap.url = src.url
     WHERE a.id = ${options.articleId}::uuid
       AND snap.check_state IN ('dead', 'changed')`;
  return row?.count ?? 0;
}
