// Live streams on a real PostgreSQL, read the way a browser reads them (SSE text): presence
// costs grow linearly with the streams (debounced, one query per process and article), a user
// keeps at most LIVE_MAX_STREAMS_PER_USER streams (the oldest closed, with a reason), a removed
// member's streams close at once and get nothing more, and replay, resync and the presence
// lists keep working. The heartbeat is shortened for this file (read once per process).
import { afterEach, describe, expect, it, vi } from 'vitest';

const HEARTBEAT_MS = vi.hoisted(() => {
  process.env.LIVE_HEARTBEAT_MS = '300';
  return 300;
});

import pg from 'pg';
import { prisma } from '@/lib/db';
import { LIVE_CHANNEL, notifyChange } from '@/lib/server/audit/record-audit';
import { createComment } from '@/lib/server/comments/create-comment';
import { openArticleStream } from '@/lib/server/live/open-article-stream';
import { presenceQueryCounts } from '@/lib/server/live/presence';
import { removeMember } from '@/lib/server/teams/remove-member';
import { makeNewsroom, makeTeam, makeUser } from './fixtures';

const MAX_STREAMS = 8; // the documented default of LIVE_MAX_STREAMS_PER_USER

interface SseEvent {
  id: string | null;
  data: { type?: string; reason?: string; viewers?: { id: string; name: string }[] } & Record<
    string,
    unknown
  >;
}

interface OpenStream {
  userId: string;
  events: SseEvent[];
  pings: number;
  ended: boolean;
  done: Promise<void>;
  abort: () => void;
}

const opened: OpenStream[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Reads a stream like EventSource: blocks separated by a blank line, `id:`/`data:` fields. */
async function readEvents(stream: ReadableStream<Uint8Array>, into: OpenStream): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id: string | null = null;
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) into.pings++;
          else if (line.startsWith('id: ')) id = line.slice(4);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length > 0) into.events.push({ id, data: JSON.parse(data.join('\n')) });
      }
    }
  } finally {
    into.ended = true;
  }
}

async function open(userId: string, articleId: string, lastEventId: string | null = null) {
  const controller = new AbortController();
  const stream = await openArticleStream({
    userId,
    articleId,
    lastEventId,
    signal: controller.signal,
  });
  const live: OpenStream = {
    userId,
    events: [],
    pings: 0,
    ended: false,
    done: Promise.resolve(),
    abort: () => controller.abort(),
  };
  live.done = readEvents(stream, live).catch(() => {});
  opened.push(live);
  return live;
}

/** Ids of the viewers in the last presence event the stream received, sorted. */
function viewerIds(stream: OpenStream): string[] | null {
  const last = stream.events.findLast((event) => event.data.type === 'presence');
  return last ? (last.data.viewers ?? []).map((viewer) => viewer.id).sort() : null;
}

const sameIds = (a: string[] | null, b: string[]) =>
  a !== null && a.length === b.length && [...b].sort().every((id, i) => a[i] === id);

async function makeArticle(teamId: string, title = 'Article en direct') {
  return prisma.article.create({
    data: { teamId, title, language: 'fr', text: 'Une phrase.' },
    select: { id: true, teamId: true },
  });
}

afterEach(async () => {
  const streams = opened.splice(0);
  for (const stream of streams) stream.abort();
  await Promise.all(streams.map((stream) => stream.done));
  const users = [...new Set(streams.map((stream) => stream.userId))];
  await waitFor(
    async () => (await prisma.articleViewer.count({ where: { userId: { in: users } } })) === 0,
    'closed streams to leave',
    30_000,
  );
});

describe('presence', () => {
  async function presenceCost(n: number) {
    const users = await Promise.all(
      Array.from({ length: n }, (_, i) => makeUser(`Lecteur ${String(i).padStart(3, '0')}`)),
    );
    const team = await makeTeam(
      users.map((user) => ({ userId: user.id, role: 'viewer' as const })),
    );
    const article = await makeArticle(team.id);
    const expected = users.map((user) => user.id);
    const before = presenceQueryCounts.listViewers;
    const started = Date.now();
    const streams: OpenStream[] = [];
    for (const user of users) streams.push(await open(user.id, article.id));
    await waitFor(
      () => streams.every((stream) => sameIds(viewerIds(stream), expected)),
      `${n} streams to see ${n} viewers`,
      120_000,
    );
    const settledMs = Date.now() - started;
    await sleep(1000); // the debounce and any query still running
    const queries = presenceQueryCounts.listViewers - before;
    // Every stream's last presence list is exactly the viewers.
    for (const stream of streams) expect(viewerIds(stream)).toEqual([...expected].sort());
    return { queries, settledMs, streams, team, article, expected };
  }

  it('costs presence queries growing linearly with the streams, not with their square', async () => {
    const ten = await presenceCost(10);
    const hundred = await presenceCost(100);
    console.info(
      `presence queries: N=10 → ${ten.queries} (settled in ${ten.settledMs} ms), ` +
        `N=100 → ${hundred.queries} (settled in ${hundred.settledMs} ms)`,
    );
    expect(hundred.queries).toBeLessThanOrEqual(10 * ten.queries + 50);
    expect(hundred.queries).toBeLessThan((100 * 100) / 20);

    // A join spaced out from the others (no burst to coalesce) costs one query for the whole
    // process, however many streams the article has open here.
    const late = await Promise.all([makeUser('Retardataire 1'), makeUser('Retardataire 2')]);
    await prisma.membership.createMany({
      data: late.map((user) => ({ teamId: hundred.team.id, userId: user.id, role: 'viewer' })),
    });
    let viewers = hundred.expected;
    const beforeLate = presenceQueryCounts.listViewers;
    for (const user of late) {
      await open(user.id, hundred.article.id);
      viewers = [...viewers, user.id];
      const now = viewers;
      await waitFor(
        () => hundred.streams.every((stream) => sameIds(viewerIds(stream), now)),
        'the late viewer listed',
      );
      await sleep(400);
    }
    const perJoin = (presenceQueryCounts.listViewers - beforeLate) / late.length;
    console.info(`presence queries per spaced-out join with 100+ streams open: ${perJoin}`);
    expect(perJoin).toBeLessThanOrEqual(1);

    // Heartbeats are batched: one statement per tick for all 112 streams of this process.
    const heartbeats = presenceQueryCounts.heartbeat;
    await sleep(5 * HEARTBEAT_MS);
    const ticks = presenceQueryCounts.heartbeat - heartbeats;
    console.info(`heartbeat statements in 5 heartbeats with 112 streams: ${ticks}`);
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(ticks).toBeLessThanOrEqual(7);
    expect(hundred.streams.every((stream) => stream.pings >= 3)).toBe(true);
  }, 240_000);

  it('lists exactly who is viewing, across instances, after joins and leaves settle', async () => {
    const room = await makeNewsroom();
    const editor = await open(room.editor.id, room.article.id);
    const reviewer = await open(room.reviewer.id, room.article.id);
    const twice = await open(room.reviewer.id, room.article.id);
    const both = [room.editor.id, room.reviewer.id];
    await waitFor(
      () => [editor, reviewer, twice].every((s) => sameIds(viewerIds(s), both)),
      'both viewers listed once',
    );
    expect(editor.events.findLast((e) => e.data.type === 'presence')?.data.viewers).toEqual(
      [
        { id: room.editor.id, name: room.editor.name },
        { id: room.reviewer.id, name: room.reviewer.name },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );

    // A stream held by another instance is a row and a notice; an outsider's row never counts.
    const elsewhere = '00000000-0000-7000-8000-00000000beef';
    const outsiderRow = '00000000-0000-7000-8000-00000000dead';
    await prisma.$transaction(async (tx) => {
      await tx.articleViewer.createMany({
        data: [
          { connectionId: elsewhere, articleId: room.article.id, userId: room.owner.id },
          { connectionId: outsiderRow, articleId: room.article.id, userId: room.outsider.id },
        ],
      });
      await notifyChange(tx, {
        eventId: null,
        articleId: room.article.id,
        sentenceId: null,
        type: 'presence.join',
        entity: 'presence',
        id: room.owner.id,
        actorId: room.owner.id,
      });
    });
    const three = [...both, room.owner.id];
    await waitFor(() => sameIds(viewerIds(editor), three), 'the other instance’s viewer');

    reviewer.abort();
    await waitFor(() => sameIds(viewerIds(editor), three) && reviewer.ended, 'one of two left');
    await sleep(500);
    expect(viewerIds(editor)).toEqual([...three].sort()); // still viewing in another stream
    twice.abort();
    const two = [room.editor.id, room.owner.id];
    await waitFor(() => sameIds(viewerIds(editor), two), 'the reviewer gone');
    await prisma.articleViewer.deleteMany({
      where: { connectionId: { in: [elsewhere, outsiderRow] } },
    });
  });
});

describe('streams per user', () => {
  it(`closes the oldest streams of a user past ${MAX_STREAMS}, telling them why`, async () => {
    const room = await makeNewsroom();
    const second = await makeArticle(room.team.id, 'Deuxième article');
    const streams: OpenStream[] = [];
    for (let i = 0; i < MAX_STREAMS; i++) {
      const stream = await open(room.reviewer.id, i % 2 ? second.id : room.article.id);
      await waitFor(() => viewerIds(stream)?.includes(room.reviewer.id) ?? false, 'joined');
      streams.push(stream);
    }
    expect(await prisma.articleViewer.count({ where: { userId: room.reviewer.id } })).toBe(
      MAX_STREAMS,
    );

    const ninth = await open(room.reviewer.id, room.article.id);
    await waitFor(() => streams[0]!.ended, 'the oldest stream to close');
    expect(streams[0]!.events.at(-1)?.data).toEqual({ type: 'closed', reason: 'too_many_streams' });
    await waitFor(() => viewerIds(ninth)?.includes(room.reviewer.id) ?? false, 'ninth joined');
    await sleep(2 * HEARTBEAT_MS);
    expect(streams.slice(1).some((stream) => stream.ended)).toBe(false);
    expect(ninth.ended).toBe(false);
    expect(await prisma.articleViewer.count({ where: { userId: room.reviewer.id } })).toBe(
      MAX_STREAMS,
    );

    // Streams held by other instances count too (rows in the shared table), oldest first.
    const elsewhere = '00000000-0000-7000-8000-000000000001';
    await prisma.articleViewer.create({
      data: { connectionId: elsewhere, articleId: room.article.id, userId: room.reviewer.id },
    });
    const tenth = await open(room.reviewer.id, second.id);
    await waitFor(() => viewerIds(tenth)?.includes(room.reviewer.id) ?? false, 'tenth joined');
    expect(
      await prisma.articleViewer.findUnique({ where: { connectionId: elsewhere } }),
    ).toBeNull();
    await waitFor(() => streams[1]!.ended, 'the next oldest local stream to close');
    expect(streams[1]!.events.at(-1)?.data).toEqual({ type: 'closed', reason: 'too_many_streams' });
    expect(streams.slice(2).some((stream) => stream.ended)).toBe(false);
  });
});

describe('membership', () => {
  it('closes a removed member’s stream at once; it receives no later team event', async () => {
    const room = await makeNewsroom();
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const notices: Record<string, unknown>[] = [];
    listener.on('notification', (message) => notices.push(JSON.parse(message.payload ?? '{}')));
    await listener.connect();
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
    try {
      const stays = await open(room.editor.id, room.article.id);
      const leaves = await open(room.viewer.id, room.article.id);
      await waitFor(
        () => sameIds(viewerIds(stays), [room.editor.id, room.viewer.id]),
        'both viewing',
      );

      await removeMember({ userId: room.owner.id, teamId: room.team.id, memberId: room.viewer.id });
      await waitFor(() => leaves.ended, 'the removed member’s stream to close', 2000);
      expect(leaves.events.at(-1)?.data).toEqual({ type: 'closed', reason: 'membership' });
      // Told in the removal's own transaction, not left to the next heartbeat.
      await waitFor(() => notices.some((n) => n.kind === 'member.remove'), 'the notice', 2000);
      expect(notices.find((n) => n.kind === 'member.remove')).toMatchObject({
        teamId: room.team.id,
        userId: room.viewer.id,
      });

      const seen = leaves.events.length;
      await createComment({
        userId: room.editor.id,
        sentenceId: room.sentences[0]!.id,
        input: { body: 'Après le départ.' },
      });
      await waitFor(
        () => stays.events.some((e) => e.data.type === 'comment.create'),
        'the team event',
      );
      await waitFor(() => sameIds(viewerIds(stays), [room.editor.id]), 'the viewer gone');
      expect(leaves.events.length).toBe(seen);
      expect(stays.ended).toBe(false);

      // Reopening is refused like any other article of another team.
      await expect(open(room.viewer.id, room.article.id)).rejects.toMatchObject({
        code: 'not_found',
      });
    } finally {
      await listener.end();
    }
  });

  it('closes within one heartbeat the stream of a member removed behind its back', async () => {
    const room = await makeNewsroom();
    const stream = await open(room.reviewer.id, room.article.id);
    await waitFor(() => viewerIds(stream)?.includes(room.reviewer.id) ?? false, 'joined');
    // Another instance running older code, or an administrator in psql: no notice at all.
    await prisma.membership.delete({
      where: { teamId_userId: { teamId: room.team.id, userId: room.reviewer.id } },
    });
    const removedAt = Date.now();
    await waitFor(() => stream.ended, 'the stream to close', 3 * HEARTBEAT_MS + 1000);
    console.info(
      `closed ${Date.now() - removedAt} ms after the removal (heartbeat ${HEARTBEAT_MS} ms)`,
    );
    expect(stream.events.at(-1)?.data).toEqual({ type: 'closed', reason: 'membership' });
  });
});

describe('what already worked', () => {
  it('replays what a reconnecting client missed (Last-Event-ID)', async () => {
    const room = await makeNewsroom();
    const eventOf = async (entityId: string) =>
      (await prisma.auditEvent.findFirstOrThrow({ where: { entityId }, select: { id: true } })).id;
    const first = await createComment({
      userId: room.editor.id,
      sentenceId: room.sentences[0]!.id,
      input: { body: 'Premier.' },
    });
    const second = await createComment({
      userId: room.editor.id,
      sentenceId: room.sentences[1]!.id,
      input: { body: 'Second.' },
    });
    const [firstId, secondId] = [await eventOf(first.id), await eventOf(second.id)];
    const stream = await open(room.reviewer.id, room.article.id, firstId.toString());
    await waitFor(() => stream.events.some((e) => e.id === secondId.toString()), 'replay');
    // Only what came after Last-Event-ID (a change committed just before may also arrive
    // live: the same event twice, which clients tolerate).
    const replayed = stream.events.filter((e) => e.data.type === 'comment.create');
    expect(new Set(replayed.map((e) => e.id))).toEqual(new Set([secondId.toString()]));
    expect(replayed[0]!.data).toEqual({
      type: 'comment.create',
      entity: 'comment',
      id: second.id,
      sentenceId: room.sentences[1]!.id,
      actor: { id: room.editor.id, name: room.editor.name },
    });
  });

  it('tells streams to resync after the LISTEN connection drops, then carries on', async () => {
    const room = await makeNewsroom();
    const stream = await open(room.editor.id, room.article.id);
    await waitFor(() => viewerIds(stream)?.includes(room.editor.id) ?? false, 'joined');
    await prisma.$queryRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`;
    await waitFor(() => stream.events.some((e) => e.data.type === 'resync'), 'resync', 10_000);
    const other = await open(room.reviewer.id, room.article.id);
    await waitFor(
      () => sameIds(viewerIds(stream), [room.editor.id, room.reviewer.id]),
      'presence after reconnecting',
    );
    expect(other.ended).toBe(false);
  });
});
