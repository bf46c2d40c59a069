// Deleting an article, a team, one's own account (issue 11, finding 12) on a real PostgreSQL:
// who may, what goes (nothing of a deleted article or team stays readable), what stays (the
// team journal's facts, an anonymised author's contributions) and the records of deletions.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { describeRange } from '@/lib/anchoring';
import { prisma } from '@/lib/db';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { deleteAnnotation, updateAnnotation } from '@/lib/server/annotations/change-annotation';
import {
  exportAnnotationCollection,
  streamAnnotationCollection,
} from '@/lib/server/annotations/export-annotation-collection';
import { deleteArticle } from '@/lib/server/articles/delete-article';
import { getArticle } from '@/lib/server/articles/get-article';
import { createComment } from '@/lib/server/comments/create-comment';
import { AppError } from '@/lib/server/errors';
import { getJob } from '@/lib/server/jobs/get-job';
import { getJobFile } from '@/lib/server/jobs/get-job-file';
import { openArticleStream } from '@/lib/server/live/open-article-stream';
import { getReport } from '@/lib/server/reports/get-report';
import { searchSentences } from '@/lib/server/search/search-sentences';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { getSentenceHistory } from '@/lib/server/sentences/get-sentence-history';
import { assignSentence } from '@/lib/server/sentences/assign-sentence';
import { deleteTeam } from '@/lib/server/teams/delete-team';
import { acceptInvitation } from '@/lib/server/teams/accept-invitation';
import { createInvitation } from '@/lib/server/teams/create-invitation';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { listTeams } from '@/lib/server/teams/list-teams';
import { getUserByToken } from '@/lib/server/tokens/get-user-by-token';
import {
  CONTRIBUTION_COLUMNS,
  deleteAccount,
  DELETED_ACCOUNT_NAME,
  PERSONAL_TABLES,
} from '@/lib/server/users/delete-account';
import { verifyCredentials } from '@/lib/server/users/verify-credentials';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { newSecret } from '@/lib/server/secrets';
import { approved, makeNewsroom, makeTeam, makeUser, SEED_TEXT, TEST_PASSWORD } from './fixtures';

const BASE = 'https://factdesk.example';
const SOURCE = { url: 'https://www.example.org/rapport', title: 'Rapport' };
const STREAMED_FORMATS = ['markdown', 'csv', 'json', 'claimreview', 'html'] as const;

/** The API's error code for what the call threw (a ZodError is answered 422 validation_failed). */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof ZodError) return 'validation_failed';
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An article's live stream as a list of its `data:` events (read like EventSource does). */
async function listen(userId: string, articleId: string) {
  const controller = new AbortController();
  const stream = await openArticleStream({
    userId,
    articleId,
    lastEventId: null,
    signal: controller.signal,
  });
  const events: { type?: string; reason?: string }[] = [];
  const done = (async () => {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done: ended, value } = await reader.read();
      if (ended) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of block.split('\n')) {
          if (line.startsWith('data: '))
            events.push(JSON.parse(line.slice(6)) as { type?: string; reason?: string });
        }
      }
    }
  })().catch(() => {});
  const waitFor = async (check: () => boolean, what: string) => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  };
  return { events, waitFor, close: () => controller.abort(), done };
}

/** An article with something of everything hanging off it, by several members. */
async function busyNewsroom() {
  const room = await makeNewsroom();
  const claim = room.sentences.find((s) => s.text.includes('cinq millions'))!;
  const other = room.sentences.find((s) => s.kind === 'sentence' && s.id !== claim.id)!;
  const start = SEED_TEXT.indexOf('cinq millions');
  const highlight = await createAnnotation({
    userId: room.reviewer.id,
    articleId: room.article.id,
    input: {
      selector: describeRange(SEED_TEXT, { start, end: start + 13 }),
      note: 'Chiffre à sourcer',
    },
  });
  const comment = await createComment({
    userId: room.reviewer.id,
    sentenceId: claim.id,
    input: { body: 'Le rapport de l’ONU dit autre chose.' },
  });
  await approved(room.reviewer.id, room.reviewer2.id, claim.id, {
    rating: 'misleading',
    rationale: 'Le chiffre est celui de 2019.',
    sources: [SOURCE],
  });
  const job = await prisma.job.create({
    data: {
      kind: 'report_pdf',
      status: 'succeeded',
      teamId: room.team.id,
      articleId: room.article.id,
      createdById: room.viewer.id,
      input: {},
      file: Buffer.from('%PDF-1.7 contenu du rapport'),
    },
    select: { id: true },
  });
  return { ...room, claim, other, highlight, comment, job };
}

describe('deleting an article', () => {
  it('is for editors and owners: reviewers and viewers are refused, outsiders find nothing', async () => {
    const { reviewer, viewer, outsider, article } = await makeNewsroom();
    expect(await codeOf(deleteArticle({ userId: reviewer.id, articleId: article.id }))).toBe(
      'forbidden',
    );
    expect(await codeOf(deleteArticle({ userId: viewer.id, articleId: article.id }))).toBe(
      'forbidden',
    );
    expect(await codeOf(deleteArticle({ userId: outsider.id, articleId: article.id }))).toBe(
      'not_found',
    );
    expect(await prisma.article.count({ where: { id: article.id } })).toBe(1);
  });

  it('deletes everything about it: every read answers 404, search finds nothing of it', async () => {
    const room = await busyNewsroom();
    const { editor, reviewer, viewer, owner, article, claim, highlight, job } = room;
    const before = await searchSentences({ userId: viewer.id, query: { q: 'projectiles' } });
    expect(before.results.some((r) => r.article.id === article.id)).toBe(true);

    expect(await deleteArticle({ userId: editor.id, articleId: article.id })).toEqual({
      id: article.id,
      deleted: true,
    });

    const member = viewer.id;
    expect(await codeOf(getArticle({ userId: member, articleId: article.id }))).toBe('not_found');
    for (const format of STREAMED_FORMATS) {
      expect(
        await codeOf(
          getReport({ userId: member, articleId: article.id, baseUrl: BASE, query: { format } }),
        ),
        format,
      ).toBe('not_found');
    }
    expect(
      await codeOf(
        exportAnnotationCollection({ userId: member, articleId: article.id, baseUrl: BASE }),
      ),
    ).toBe('not_found');
    expect(
      await codeOf(
        streamAnnotationCollection({ userId: member, articleId: article.id, baseUrl: BASE }),
      ),
    ).toBe('not_found');
    expect(await codeOf(getSentence({ userId: member, sentenceId: claim.id }))).toBe('not_found');
    expect(await codeOf(getSentenceHistory({ userId: member, sentenceId: claim.id }))).toBe(
      'not_found',
    );
    expect(
      await codeOf(
        updateAnnotation({
          userId: reviewer.id,
          annotationId: highlight.id,
          input: { note: 'x', version: 1 },
        }),
      ),
    ).toBe('not_found');
    expect(
      await codeOf(deleteAnnotation({ userId: owner.id, annotationId: highlight.id, input: {} })),
    ).toBe('not_found');
    expect(await codeOf(getJob({ userId: member, jobId: job.id }))).toBe('not_found');
    expect(await codeOf(getJobFile({ userId: member, jobId: job.id }))).toBe('not_found');
    expect(
      await codeOf(
        openArticleStream({
          userId: member,
          articleId: article.id,
          lastEventId: null,
          signal: new AbortController().signal,
        }),
      ),
    ).toBe('not_found');
    const after = await searchSentences({ userId: viewer.id, query: { q: 'projectiles' } });
    expect(after.results.filter((r) => r.article.id === article.id)).toEqual([]);

    // Nothing of it is left in the database (cascades), not even its search index.
    const where = { articleId: article.id };
    const counts = await Promise.all([
      prisma.sentence.count({ where }),
      prisma.annotation.count({ where }),
      prisma.comment.count({ where }),
      prisma.articleRevision.count({ where }),
      prisma.job.count({ where }),
      prisma.articleViewer.count({ where }),
      prisma.verdict.count({ where: { sentence: { articleId: article.id } } }),
      prisma.publishedVerdict.count({ where: { sentenceId: claim.id } }),
      prisma.source.count({ where: { verdict: { sentenceId: claim.id } } }),
      prisma.annotationSentence.count({ where: { annotationId: highlight.id } }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('leaves the facts of its history in the team journal, without its content', async () => {
    const { editor, owner, article, team } = await busyNewsroom();
    await deleteArticle({ userId: editor.id, articleId: article.id });

    const { events } = await listTeamAudit({ userId: owner.id, teamId: team.id, query: {} });
    const deletion = events.find((e) => e.action === 'article.deleted');
    expect(deletion).toMatchObject({
      actor: { id: editor.id, name: editor.name },
      entity: 'article',
      entityId: article.id,
      articleId: article.id,
      before: { id: article.id, title: article.title },
    });
    expect(deletion!.after).toBeNull();

    // Its earlier events are still there (who, what, when), their payloads redacted.
    const earlier = events.filter((e) => e.articleId === article.id && e !== deletion);
    expect(earlier.map((e) => e.action)).toEqual(
      expect.arrayContaining(['article.create', 'annotation.create', 'comment.create']),
    );
    const stored = await prisma.auditEvent.findMany({
      where: { articleId: article.id, action: { not: 'article.deleted' } },
      select: { before: true, after: true },
    });
    expect(stored.length).toBeGreaterThanOrEqual(earlier.length);
    for (const event of stored) {
      for (const side of [event.before, event.after]) {
        expect([null, { redacted: true }]).toContainEqual(side);
      }
    }
    const text = JSON.stringify(events);
    expect(text).not.toContain('Le rapport de l’ONU dit autre chose');
    expect(text).not.toContain('Chiffre à sourcer');
    expect(text).not.toContain('Le chiffre est celui de 2019');
  });

  it('tells the article’s open live streams', async () => {
    const { editor, viewer, article } = await makeNewsroom();
    const live = await listen(viewer.id, article.id);
    try {
      await live.waitFor(() => live.events.some((e) => e.type === 'presence'), 'joining');
      await deleteArticle({ userId: editor.id, articleId: article.id });
      await live.waitFor(
        () => live.events.some((e) => e.type === 'article.deleted'),
        'the deletion event',
      );
    } finally {
      live.close();
      await live.done;
    }
  });

  it('is not found the second time', async () => {
    const { editor, article } = await makeNewsroom();
    await deleteArticle({ userId: editor.id, articleId: article.id });
    expect(await codeOf(deleteArticle({ userId: editor.id, articleId: article.id }))).toBe(
      'not_found',
    );
  });
});

describe('deleting a team', () => {
  it('asks for the exact name: a wrong one deletes nothing', async () => {
    const { owner, team, article } = await makeNewsroom();
    for (const confirmName of ['Equipe test', 'équipe test', 'Équipe', '']) {
      expect(
        await codeOf(deleteTeam({ userId: owner.id, teamId: team.id, input: { confirmName } })),
        confirmName,
      ).toBe('validation_failed');
    }
    expect(await codeOf(deleteTeam({ userId: owner.id, teamId: team.id, input: {} }))).toBe(
      'validation_failed',
    );
    expect(await prisma.team.count({ where: { id: team.id } })).toBe(1);
    expect(await prisma.article.count({ where: { id: article.id } })).toBe(1);
  });

  it('is for owners only; outsiders find nothing', async () => {
    const { editor, viewer, outsider, team } = await makeNewsroom();
    const input = { confirmName: team.name };
    expect(await codeOf(deleteTeam({ userId: editor.id, teamId: team.id, input }))).toBe(
      'forbidden',
    );
    expect(await codeOf(deleteTeam({ userId: viewer.id, teamId: team.id, input }))).toBe(
      'forbidden',
    );
    expect(await codeOf(deleteTeam({ userId: outsider.id, teamId: team.id, input }))).toBe(
      'not_found',
    );
    expect(await prisma.team.count({ where: { id: team.id } })).toBe(1);
  });

  it('deletes the team with its articles, members and invitations; the deletion outlives it', async () => {
    const { owner, editor, viewer, team, article, sentences } = await busyNewsroom();
    await createInvitation({
      userId: owner.id,
      teamId: team.id,
      baseUrl: BASE,
      input: { role: 'viewer' },
    });

    expect(
      await deleteTeam({ userId: owner.id, teamId: team.id, input: { confirmName: team.name } }),
    ).toEqual({ id: team.id, deleted: true });

    expect(await prisma.team.count({ where: { id: team.id } })).toBe(0);
    expect(await prisma.membership.count({ where: { teamId: team.id } })).toBe(0);
    expect(await prisma.invitation.count({ where: { teamId: team.id } })).toBe(0);
    expect(await prisma.article.count({ where: { teamId: team.id } })).toBe(0);
    expect(await prisma.sentence.count({ where: { articleId: article.id } })).toBe(0);
    expect(await prisma.job.count({ where: { teamId: team.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { teamId: team.id } })).toBe(0);
    expect((await listTeams({ userId: editor.id })).map((t) => t.id)).not.toContain(team.id);
    expect(await codeOf(getArticle({ userId: viewer.id, articleId: article.id }))).toBe(
      'not_found',
    );
    expect(await codeOf(getSentence({ userId: viewer.id, sentenceId: sentences[0]!.id }))).toBe(
      'not_found',
    );
    expect(await codeOf(listTeamAudit({ userId: owner.id, teamId: team.id, query: {} }))).toBe(
      'not_found',
    );

    // Kept for the operator, outside any team: who deleted which team, when.
    const record = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'team.deleted', entityId: team.id },
    });
    expect(record).toMatchObject({
      teamId: null,
      actorId: owner.id,
      entityType: 'team',
      before: { name: team.name, members: 5, articles: 1 },
    });
  });

  it('closes the members’ live streams on its articles', async () => {
    const { owner, viewer, team, article } = await makeNewsroom();
    const live = await listen(viewer.id, article.id);
    try {
      await live.waitFor(() => live.events.some((e) => e.type === 'presence'), 'joining');
      await deleteTeam({ userId: owner.id, teamId: team.id, input: { confirmName: team.name } });
      await live.waitFor(
        () => live.events.some((e) => e.type === 'closed' && e.reason === 'membership'),
        'the stream to close',
      );
    } finally {
      live.close();
      await live.done;
    }
  });

  it('refuses a team-less audit event for anything but a deletion (database rule)', async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await expect(
        client.query(
          `INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('comment.create', 'comment', gen_random_uuid())`,
        ),
      ).rejects.toThrow(/audit_events_team_or_deletion/);
    } finally {
      await client.end();
    }
  });
});

describe('deleting one’s own account', () => {
  it('is refused while one is the only owner of a team with other members', async () => {
    const { owner, team } = await makeNewsroom();
    const error = await deleteAccount({ userId: owner.id, input: { password: TEST_PASSWORD } })
      .then(() => null)
      .catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe('last_owner');
    expect(error!.status).toBe(409);
    expect(error!.message).toContain(team.name);
    expect(error!.message).toMatch(/propriétaire/);
    const still = await prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(still).toMatchObject({ name: owner.name, email: owner.email });
    expect(await prisma.membership.count({ where: { userId: owner.id } })).toBe(1);
  });

  it('asks for the current password', async () => {
    const user = await makeUser('Prudente');
    expect(
      await codeOf(deleteAccount({ userId: user.id, input: { password: 'pas-le-bon' } })),
    ).toBe('invalid_credentials');
    expect(await codeOf(deleteAccount({ userId: user.id, input: {} }))).toBe('validation_failed');
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: 'Prudente',
    });
  });

  it('signs nobody in any more, deletes what was theirs alone and anonymises their contributions', async () => {
    const room = await busyNewsroom();
    const { owner, reviewer, reviewer2, editor, team, claim, other } = room;
    // The reviewer also owns a team of their own (deleted with the account) and co-owns a
    // third one with someone else (which continues, its journal told).
    const own = await makeTeam([{ userId: reviewer.id, role: 'owner' }], 'Solo');
    const shared = await makeTeam(
      [
        { userId: reviewer.id, role: 'owner' },
        { userId: reviewer2.id, role: 'owner' },
      ],
      'Partagée',
    );
    await setVerdict({
      userId: reviewer.id,
      sentenceId: other.id,
      input: { rating: 'false', rationale: 'Brouillon privé' },
    });
    await assignSentence({
      userId: editor.id,
      sentenceId: other.id,
      input: { userId: reviewer.id },
    });
    const { token, hash } = newSecret('fdp_');
    await prisma.apiToken.create({
      data: {
        userId: reviewer.id,
        name: 'script',
        tokenHash: hash,
        prefix: token.slice(0, 10),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await prisma.session.create({
      data: { userId: reviewer.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await getUserByToken(token)).not.toBeNull();

    const result = await deleteAccount({ userId: reviewer.id, input: { password: TEST_PASSWORD } });
    expect(result).toEqual({
      deleted: true,
      teamsLeft: expect.arrayContaining([team.id, shared.id]),
      teamsDeleted: [own.id],
    });

    // No way in: not by password, not by token, not by session.
    expect(await verifyCredentials({ email: reviewer.email, password: TEST_PASSWORD })).toBeNull();
    expect(await getUserByToken(token)).toBeNull();
    for (const table of PERSONAL_TABLES) {
      const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE user_id = $1::uuid`,
        reviewer.id,
      );
      expect(rows[0]!.n, table).toBe(0);
    }
    const row = await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } });
    expect(row.name).toBe(DELETED_ACCOUNT_NAME);
    expect(row.email).not.toBe(reviewer.email);
    expect(row.email).toMatch(/\.invalid$/);
    expect(row.passwordHash).not.toMatch(/^\$2/);

    // The team of one is gone, recorded outside it.
    expect(await prisma.team.count({ where: { id: own.id } })).toBe(0);
    expect(
      await prisma.auditEvent.findFirst({
        where: { action: 'team.deleted', entityId: own.id, teamId: null },
      }),
    ).not.toBeNull();
    expect(
      await prisma.auditEvent.findFirst({
        where: { action: 'account.deleted', entityId: reviewer.id, teamId: null },
      }),
    ).not.toBeNull();

    // What they contributed stays, signed « Compte supprimé »; their draft and assignment go.
    const detail = await getSentence({ userId: owner.id, sentenceId: claim.id });
    expect(detail.highlights.map((h) => h.author.name)).toEqual([DELETED_ACCOUNT_NAME]);
    expect(detail.comments.map((c) => c.author.name)).toEqual([DELETED_ACCOUNT_NAME]);
    expect(detail.verdicts.map((v) => v.author.name)).toEqual([DELETED_ACCOUNT_NAME]);
    expect(detail.finalVerdict?.author?.name).toBe(DELETED_ACCOUNT_NAME);
    expect(detail.finalVerdict?.approvedBy?.name).toBe(reviewer2.name);
    expect(await prisma.verdict.count({ where: { sentenceId: other.id } })).toBe(0);
    expect((await getSentence({ userId: owner.id, sentenceId: other.id })).sentence.assignee).toBe(
      null,
    );
    const history = await getSentenceHistory({ userId: owner.id, sentenceId: claim.id });
    expect(history.some((e) => e.actor?.name === DELETED_ACCOUNT_NAME)).toBe(true);
    expect(JSON.stringify(history)).not.toContain(reviewer.name);

    // Every team that continues records it in its journal.
    for (const [teamId, reader, role] of [
      [team.id, owner.id, 'reviewer'],
      [shared.id, reviewer2.id, 'owner'],
    ] as const) {
      const { events } = await listTeamAudit({ userId: reader, teamId, query: {} });
      expect(events[0]).toMatchObject({
        action: 'member.account_deleted',
        actor: { id: reviewer.id, name: DELETED_ACCOUNT_NAME },
        entity: 'user',
        entityId: reviewer.id,
        before: { role },
      });
    }
    expect(await prisma.membership.count({ where: { teamId: team.id } })).toBe(4);

    // The address is free again: a new account may use it.
    const again = await prisma.user.create({
      data: { email: reviewer.email, name: 'Nouvelle venue', passwordHash: row.passwordHash },
    });
    expect(again.id).not.toBe(reviewer.id);
  });

  it('may leave a team it joined by invitation, and that team stays whole', async () => {
    const { owner, team } = await makeNewsroom();
    const newcomer = await makeUser('Passagère');
    const { token } = await createInvitation({
      userId: owner.id,
      teamId: team.id,
      baseUrl: BASE,
      input: { role: 'viewer' },
    });
    await acceptInvitation({ userId: newcomer.id, token });
    await deleteAccount({ userId: newcomer.id, input: { password: TEST_PASSWORD } });
    expect(await prisma.team.count({ where: { id: team.id } })).toBe(1);
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { teamId: team.id },
      select: { acceptedBy: { select: { name: true } } },
    });
    expect(invitation.acceptedBy?.name).toBe(DELETED_ACCOUNT_NAME);
  });

  it('knows every foreign key to users: personal rows go, contributions stay', async () => {
    // A new table naming a user must be classified in lib/server/users/delete-account.ts.
    const rows = await prisma.$queryRaw<{ column: string }[]>`
      SELECT cl.relname || '.' || a.attname AS column
        FROM pg_constraint c
        JOIN pg_class cl ON cl.oid = c.conrelid
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
       WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass
       ORDER BY 1`;
    const known = new Set<string>([
      ...PERSONAL_TABLES.map((table) => `${table}.user_id`),
      ...CONTRIBUTION_COLUMNS,
    ]);
    expect(rows.map((r) => r.column).filter((column) => !known.has(column))).toEqual([]);
  });
});
