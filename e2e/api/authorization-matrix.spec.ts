// The authorization matrix: every /api/v1 route, called over HTTP as each role of a team, as an
// outsider (member of no team of theirs) and anonymously, with the outcome each must get.
// Members authenticate with their personal access tokens, so tokens are exercised on every
// route too. The matrix lists the routes: a route file or method without an entry fails.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from '@playwright/test';
import {
  createMember,
  createNewsroom,
  SEED_TEXT,
  sentencesOf,
  type Member,
  type Newsroom,
} from '../fixtures/newsroom';
import { FIRST_INSTANCE } from '../fixtures/urls';
import { apiRouteHandlers } from '../../tests/support/api-routes';

type Actor = 'owner' | 'editor' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';
const ACTORS: Actor[] = ['owner', 'editor', 'reviewer', 'viewer', 'outsider', 'anonymous'];
/** A status, or the statuses allowed when it depends on timing (how far a worker has got). */
type Expected = number | readonly number[];
type Outcome = Record<Actor, Expected>;

const isAllowed = (expected: Expected, status: number) =>
  typeof expected === 'number' ? status === expected : expected.includes(status);

interface World {
  room: Newsroom;
  /** Two more reviewers whose work the actors review, settle, moderate. */
  writer: Member;
  writer2: Member;
  anonymous: APIRequestContext;
  sentence: string;
  /** A job of the team (a PDF report), queued, running or done by now. */
  job: string;
}

interface Call {
  path: string;
  body?: unknown;
}
interface Entry {
  call: (world: World, actor: Actor) => Promise<Call>;
  expect: Outcome;
}

const MEMBERS_ONLY: Outcome = {
  owner: 200,
  editor: 200,
  reviewer: 200,
  viewer: 200,
  outsider: 404,
  anonymous: 401,
};
const EVERYONE_SIGNED_IN = (status: number): Outcome => ({
  owner: status,
  editor: status,
  reviewer: status,
  viewer: status,
  outsider: status,
  anonymous: 401,
});
const WRITERS = (status: number): Outcome => ({
  owner: status,
  editor: status,
  reviewer: status,
  viewer: 403,
  outsider: 404,
  anonymous: 401,
});
const EDITORS = (status: number): Outcome => ({
  owner: status,
  editor: status,
  reviewer: 403,
  viewer: 403,
  outsider: 404,
  anonymous: 401,
});
const OWNERS = (status: number): Outcome => ({
  owner: status,
  editor: 403,
  reviewer: 403,
  viewer: 403,
  outsider: 404,
  anonymous: 401,
});

function memberFor(world: World, actor: Actor): Member | null {
  if (actor === 'anonymous') return null;
  if (actor === 'outsider') return world.room.outsider;
  return world.room.members[actor];
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/** A fresh checkable sentence, in a fresh article of the team. */
async function freshSentence(world: World): Promise<string> {
  const articleId = await world.room.newArticle();
  const [first] = (await sentencesOf(world.room.members.owner, articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  return first!.id;
}

async function submittedBy(member: Member, sentenceId: string, rating = 'true') {
  await json(await member.api.put(`/api/v1/sentences/${sentenceId}/verdict`, { data: { rating } }));
  return json<{ id: string; version: number }>(
    await member.api.post(`/api/v1/sentences/${sentenceId}/verdict/submit`),
  );
}

/** A fresh article of the team with one approved verdict: something to publish. */
async function publishableArticle(world: World): Promise<string> {
  const articleId = await world.room.newArticle();
  const [first] = (await sentencesOf(world.room.members.owner, articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const verdict = await submittedBy(world.writer, first!.id);
  await json(
    await world.writer2.api.post(`/api/v1/verdicts/${verdict.id}/approve`, {
      data: { version: verdict.version },
    }),
  );
  return articleId;
}

let archivedSnapshot: Promise<string> | undefined;
/**
 * An archived source of the team, as the archive's worker stores it (written straight into the
 * database: fetching is the worker's part, tested in tests/integration/source-archive.test.ts).
 */
function snapshotOf(world: World): Promise<string> {
  archivedSnapshot ??= (async () => {
    const id = randomUUID();
    const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO source_snapshots (id, team_id, url, status, content_type, sha256, size, body, fetched_at)
         VALUES ($1, $2, $3, 'archived', 'text/plain', $4, 2, $5, now())`,
        [id, world.room.teamId, `https://www.example.org/${id}`, '0'.repeat(64), Buffer.from('ok')],
      );
    } finally {
      await db.end();
    }
    return id;
  })();
  return archivedSnapshot;
}

/** Runs SQL on the e2e database (setup the API has no shortcut for). */
async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

let trustedPublisher: Promise<string> | undefined;
/** A trusted publisher of the team (imported fact-checks are tested in external-fact-checks). */
function publisherOf(world: World): Promise<string> {
  trustedPublisher ??= (async () => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO fact_check_publishers (id, team_id, key, name, trusted)
       VALUES (gen_random_uuid(), $1, 'matrice', 'Matrice', true) RETURNING id`,
      [world.room.teamId],
    );
    return row!.id;
  })();
  return trustedPublisher;
}

/** Another organisation's fact-check, trusted by the team: something to reuse. */
async function externalFactCheckOf(world: World): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO external_fact_checks (id, team_id, publisher_id, url, claim_text, language, rating)
     VALUES (gen_random_uuid(), $1, $2, $3, 'Une affirmation déjà vérifiée.', 'fr', 'false')
     RETURNING id`,
    [world.room.teamId, await publisherOf(world), `https://verif.example/${randomUUID()}`],
  );
  return row!.id;
}

/** A feed the team follows (its refresh is the worker's, tested in external-fact-checks). */
async function feedOf(world: World): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO fact_check_feeds (id, team_id, url) VALUES (gen_random_uuid(), $1, $2) RETURNING id`,
    [world.room.teamId, `https://feeds.example/${randomUUID()}.json`],
  );
  return row!.id;
}

async function invitation(world: World, teamId = world.room.teamId, role = 'viewer') {
  return json<{ id: string; token: string }>(
    await world.room.members.owner.api.post(`/api/v1/teams/${teamId}/invitations`, {
      data: { role },
    }),
  );
}

const MATRIX: Record<string, Entry> = {
  'POST /api/v1/signup': {
    call: async () => ({
      path: '/api/v1/signup',
      body: {
        email: `m-${randomUUID()}@test.factdesk`,
        name: 'Matrice',
        password: 'long-mot-de-passe',
      },
    }),
    // Creating an account is the one public write.
    expect: { owner: 201, editor: 201, reviewer: 201, viewer: 201, outsider: 201, anonymous: 201 },
  },
  'GET /api/v1/openapi.json': {
    call: async () => ({ path: '/api/v1/openapi.json' }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'PATCH /api/v1/me': {
    // One's own name, language and time zone: a token may change them (French stays French).
    call: async () => ({ path: '/api/v1/me', body: { locale: 'fr' } }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'DELETE /api/v1/me': {
    // Members call with their access tokens, and a token never deletes an account: refused
    // before the password is even read (a browser session is required).
    call: async () => ({ path: '/api/v1/me', body: { password: 'mot-de-passe-solide' } }),
    expect: EVERYONE_SIGNED_IN(403),
  },
  'GET /api/v1/me/sessions': {
    // Sessions, the password and sign-out-everywhere are for a browser session only.
    call: async () => ({ path: '/api/v1/me/sessions' }),
    expect: EVERYONE_SIGNED_IN(403),
  },
  'DELETE /api/v1/me/sessions': {
    call: async () => ({ path: '/api/v1/me/sessions' }),
    expect: EVERYONE_SIGNED_IN(403),
  },
  'DELETE /api/v1/me/sessions/{id}': {
    call: async () => ({ path: `/api/v1/me/sessions/${randomUUID()}` }),
    expect: EVERYONE_SIGNED_IN(403),
  },
  'PUT /api/v1/me/password': {
    call: async () => ({
      path: '/api/v1/me/password',
      body: { currentPassword: 'mot-de-passe-solide', newPassword: 'un-autre-mot-de-passe' },
    }),
    expect: EVERYONE_SIGNED_IN(403),
  },
  'GET /api/v1/me/queue': {
    call: async () => ({ path: '/api/v1/me/queue' }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'GET /api/v1/articles': {
    call: async () => ({ path: '/api/v1/articles' }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'POST /api/v1/articles': {
    call: async (w) => ({
      path: '/api/v1/articles',
      body: { teamId: w.room.teamId, text: SEED_TEXT, language: 'fr' },
    }),
    expect: EDITORS(201),
  },
  'GET /api/v1/articles/{id}': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}` }),
    expect: MEMBERS_ONLY,
  },
  'PATCH /api/v1/articles/{id}': {
    call: async (w) => {
      const articleId = await w.room.newArticle();
      return {
        path: `/api/v1/articles/${articleId}`,
        body: { title: 'Nouveau titre', version: 1 },
      };
    },
    expect: EDITORS(200),
  },
  'DELETE /api/v1/articles/{id}': {
    // A fresh article each time: the room's own article stays for the other entries.
    call: async (w) => ({ path: `/api/v1/articles/${await w.room.newArticle()}` }),
    expect: EDITORS(200),
  },
  'PUT /api/v1/articles/{id}/text': {
    // Every correction is re-anchored by a worker: 202 and the job.
    call: async (w) => ({
      path: `/api/v1/articles/${await w.room.newArticle()}/text`,
      body: { text: `${SEED_TEXT}\nUne phrase ajoutée.`, version: 1 },
    }),
    expect: EDITORS(202),
  },
  'GET /api/v1/articles/{id}/publication': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/publication` }),
    expect: MEMBERS_ONLY,
  },
  'POST /api/v1/articles/{id}/publication': {
    call: async (w) => ({ path: `/api/v1/articles/${await publishableArticle(w)}/publication` }),
    expect: EDITORS(200),
  },
  'DELETE /api/v1/articles/{id}/publication': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/publication` }),
    // Never published: withdrawing it is a no-op that says so.
    expect: EDITORS(200),
  },
  'GET /api/v1/snapshots/{id}/copy': {
    call: async (w) => ({ path: `/api/v1/snapshots/${await snapshotOf(w)}/copy` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/articles/{id}/revisions': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/revisions` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/sentences/{id}/matches': {
    call: async (w) => ({ path: `/api/v1/sentences/${w.sentence}/matches` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/articles/{id}/matches': {
    call: async (w) => ({
      path: `/api/v1/articles/${w.room.articleId}/matches?sentences=${w.sentence}`,
    }),
    expect: MEMBERS_ONLY,
  },
  'POST /api/v1/sentences/{id}/reuse': {
    // A fresh sentence each time (reuse never overwrites a verdict of mine).
    call: async (w) => {
      const articleId = await w.room.newArticle();
      const [first] = (await sentencesOf(w.room.members.owner, articleId)).filter(
        (s) => s.kind === 'sentence',
      );
      return {
        path: `/api/v1/sentences/${first!.id}/reuse`,
        body: { from: { kind: 'external', factCheckId: await externalFactCheckOf(w) } },
      };
    },
    expect: WRITERS(201),
  },
  'POST /api/v1/teams/{id}/fact-checks/import': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}/fact-checks/import`,
      body: {
        document: JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'ClaimReview',
          url: `https://verif.example/${randomUUID()}`,
          claimReviewed: 'Une affirmation importée par la matrice.',
          author: { '@type': 'Organization', name: 'Matrice' },
        }),
      },
    }),
    expect: EDITORS(201),
  },
  'GET /api/v1/teams/{id}/fact-check-feeds': {
    call: async (w) => ({ path: `/api/v1/teams/${w.room.teamId}/fact-check-feeds` }),
    expect: MEMBERS_ONLY,
  },
  'POST /api/v1/teams/{id}/fact-check-feeds': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}/fact-check-feeds`,
      body: { url: `https://feeds.example/${randomUUID()}.json` },
    }),
    expect: EDITORS(201),
  },
  'DELETE /api/v1/teams/{id}/fact-check-feeds/{feedId}': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}/fact-check-feeds/${await feedOf(w)}`,
    }),
    expect: EDITORS(204),
  },
  'GET /api/v1/teams/{id}/fact-check-publishers': {
    call: async (w) => ({ path: `/api/v1/teams/${w.room.teamId}/fact-check-publishers` }),
    expect: MEMBERS_ONLY,
  },
  'PATCH /api/v1/teams/{id}/fact-check-publishers/{publisherId}': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}/fact-check-publishers/${await publisherOf(w)}`,
      body: { trusted: true },
    }),
    expect: EDITORS(200),
  },
  'GET /api/v1/claims/search': {
    call: async () => ({ path: '/api/v1/claims/search?q=projectiles&lang=fr' }),
    // Each signed-in person searches their own teams' verdicts (none: an empty list).
    expect: EVERYONE_SIGNED_IN(200),
  },
  'GET /api/v1/search': {
    call: async () => ({ path: '/api/v1/search?q=projectiles' }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'GET /api/v1/teams/{id}/report': {
    call: async (w) => ({ path: `/api/v1/teams/${w.room.teamId}/report?format=json` }),
    expect: MEMBERS_ONLY,
  },
  'POST /api/v1/articles/{id}/annotations/import': {
    call: async (w) => {
      const start = SEED_TEXT.indexOf('cinq millions');
      return {
        path: `/api/v1/articles/${w.room.articleId}/annotations/import`,
        body: {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          first: {
            type: 'AnnotationPage',
            items: [
              {
                type: 'Annotation',
                target: {
                  source: 'https://example.org/article',
                  selector: [
                    { type: 'TextQuoteSelector', exact: 'cinq millions' },
                    { type: 'TextPositionSelector', start, end: start + 13 },
                  ],
                },
              },
            ],
          },
        },
      };
    },
    expect: WRITERS(201),
  },
  'GET /api/v1/articles/{id}/annotations': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/annotations` }),
    expect: MEMBERS_ONLY,
  },
  'POST /api/v1/articles/{id}/annotations': {
    call: async (w) => {
      const start = SEED_TEXT.indexOf('cinq millions');
      return {
        path: `/api/v1/articles/${w.room.articleId}/annotations`,
        body: {
          selector: [
            { type: 'TextQuoteSelector', exact: 'cinq millions' },
            { type: 'TextPositionSelector', start, end: start + 13 },
          ],
        },
      };
    },
    expect: WRITERS(201),
  },
  'GET /api/v1/articles/{id}/report': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/report?format=json` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/articles/{id}/agreement': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/agreement` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/articles/{id}/sentence-states': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/sentence-states` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/articles/{id}/events': {
    call: async (w) => ({ path: `/api/v1/articles/${w.room.articleId}/events` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/jobs/{id}': {
    call: async (w) => ({ path: `/api/v1/jobs/${w.job}` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/jobs/{id}/result': {
    call: async (w) => ({ path: `/api/v1/jobs/${w.job}/result` }),
    // The file once the worker has rendered it; until then (or if it failed) `invalid_state`.
    expect: {
      owner: [200, 409],
      editor: [200, 409],
      reviewer: [200, 409],
      viewer: [200, 409],
      outsider: 404,
      anonymous: 401,
    },
  },
  'GET /api/v1/jobs/{id}/events': {
    call: async (w) => ({ path: `/api/v1/jobs/${w.job}/events` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/sentences/{id}': {
    call: async (w) => ({ path: `/api/v1/sentences/${w.sentence}` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/sentences/{id}/history': {
    call: async (w) => ({ path: `/api/v1/sentences/${w.sentence}/history` }),
    expect: MEMBERS_ONLY,
  },
  'GET /api/v1/sentences/{id}/comments': {
    call: async (w) => ({ path: `/api/v1/sentences/${w.sentence}/comments` }),
    expect: MEMBERS_ONLY,
  },
  'POST /api/v1/sentences/{id}/comments': {
    call: async (w) => ({
      path: `/api/v1/sentences/${w.sentence}/comments`,
      body: { body: 'Vu.' },
    }),
    // Viewers comment too.
    expect: { ...MEMBERS_ONLY, owner: 201, editor: 201, reviewer: 201, viewer: 201 },
  },
  'PUT /api/v1/sentences/{id}/verdict': {
    call: async (w) => ({
      path: `/api/v1/sentences/${await freshSentence(w)}/verdict`,
      body: { rating: 'false', sources: [{ url: 'https://example.org/source' }] },
    }),
    expect: WRITERS(200),
  },
  'POST /api/v1/sentences/{id}/verdict/submit': {
    call: async (w, actor) => {
      const sentenceId = await freshSentence(w);
      const me = memberFor(w, actor);
      if (me && actor !== 'viewer' && actor !== 'outsider') {
        await json(
          await me.api.put(`/api/v1/sentences/${sentenceId}/verdict`, { data: { rating: 'true' } }),
        );
      }
      return { path: `/api/v1/sentences/${sentenceId}/verdict/submit` };
    },
    expect: WRITERS(200),
  },
  'POST /api/v1/verdicts/{id}/approve': {
    call: async (w) => {
      const verdict = await submittedBy(w.writer, await freshSentence(w));
      return { path: `/api/v1/verdicts/${verdict.id}/approve`, body: { version: verdict.version } };
    },
    expect: WRITERS(200),
  },
  'POST /api/v1/verdicts/{id}/reject': {
    call: async (w) => {
      const verdict = await submittedBy(w.writer, await freshSentence(w));
      return {
        path: `/api/v1/verdicts/${verdict.id}/reject`,
        body: { reason: 'Source manquante.' },
      };
    },
    expect: WRITERS(200),
  },
  'POST /api/v1/sentences/{id}/resolve': {
    call: async (w) => {
      const sentenceId = await freshSentence(w);
      await submittedBy(w.writer, sentenceId, 'true');
      await submittedBy(w.writer2, sentenceId, 'false');
      return {
        path: `/api/v1/sentences/${sentenceId}/resolve`,
        body: { rating: 'misleading', rationale: 'Les deux ont une part de vrai.' },
      };
    },
    expect: EDITORS(200),
  },
  'PUT /api/v1/sentences/{id}/assignee': {
    call: async (w) => ({
      path: `/api/v1/sentences/${w.sentence}/assignee`,
      body: { userId: w.writer.id },
    }),
    expect: EDITORS(200),
  },
  'PATCH /api/v1/comments/{id}': {
    // One's own comment: every member edits their own; an outsider reaches nothing.
    call: async (w, actor) => {
      const author = memberFor(w, actor) ?? w.writer;
      const mine = actor === 'outsider' ? w.writer : author;
      const comment = await json<{ id: string; version: number }>(
        await mine.api.post(`/api/v1/sentences/${w.sentence}/comments`, {
          data: { body: 'Brouillon' },
        }),
      );
      return {
        path: `/api/v1/comments/${comment.id}`,
        body: { body: 'Corrigé', version: comment.version },
      };
    },
    expect: MEMBERS_ONLY,
  },
  'DELETE /api/v1/comments/{id}': {
    // Someone else's comment: editors and owners moderate.
    call: async (w) => {
      const comment = await json<{ id: string }>(
        await w.writer.api.post(`/api/v1/sentences/${w.sentence}/comments`, {
          data: { body: 'À modérer' },
        }),
      );
      return { path: `/api/v1/comments/${comment.id}` };
    },
    expect: EDITORS(200),
  },
  'PATCH /api/v1/annotations/{id}': {
    call: async (w) => {
      const annotation = await writerHighlight(w);
      return {
        path: `/api/v1/annotations/${annotation.id}`,
        body: { note: 'Note', version: annotation.version },
      };
    },
    expect: EDITORS(200),
  },
  'DELETE /api/v1/annotations/{id}': {
    call: async (w) => ({ path: `/api/v1/annotations/${(await writerHighlight(w)).id}` }),
    expect: EDITORS(200),
  },
  'GET /api/v1/teams': {
    call: async () => ({ path: '/api/v1/teams' }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'POST /api/v1/teams': {
    call: async () => ({ path: '/api/v1/teams', body: { name: 'Nouvelle rédaction' } }),
    expect: EVERYONE_SIGNED_IN(201),
  },
  'DELETE /api/v1/teams/{id}': {
    // A fresh team of the room's owner, which the actor joins with their role (an outsider
    // stays out): the room's own team stays for the other entries.
    call: async (w, actor) => {
      const name = `À supprimer ${randomUUID().slice(0, 8)}`;
      const team = await json<{ id: string }>(
        await w.room.members.owner.api.post('/api/v1/teams', { data: { name } }),
      );
      const me = memberFor(w, actor);
      if (me && actor !== 'owner' && actor !== 'outsider') {
        const { token } = await invitation(w, team.id, actor);
        await json(await me.api.post(`/api/v1/invitations/${token}/accept`));
      }
      return { path: `/api/v1/teams/${team.id}`, body: { confirmName: name } };
    },
    expect: OWNERS(200),
  },
  'PATCH /api/v1/teams/{id}': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}`,
      body: { allowPartyAdjudication: false },
    }),
    expect: OWNERS(200),
  },
  'GET /api/v1/teams/{id}/members': {
    call: async (w) => ({ path: `/api/v1/teams/${w.room.teamId}/members` }),
    expect: MEMBERS_ONLY,
  },
  'PATCH /api/v1/teams/{id}/members/{userId}': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}/members/${w.writer.id}`,
      body: { role: 'reviewer' },
    }),
    expect: OWNERS(200),
  },
  'DELETE /api/v1/teams/{id}/members/{userId}': {
    call: async (w) => {
      const leaving = await createMember('Partante');
      const { token } = await invitation(w, w.room.teamId, 'viewer');
      await json(await leaving.api.post(`/api/v1/invitations/${token}/accept`));
      return { path: `/api/v1/teams/${w.room.teamId}/members/${leaving.id}` };
    },
    expect: OWNERS(200),
  },
  'GET /api/v1/teams/{id}/invitations': {
    call: async (w) => ({ path: `/api/v1/teams/${w.room.teamId}/invitations` }),
    expect: EDITORS(200),
  },
  'POST /api/v1/teams/{id}/invitations': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}/invitations`,
      body: { role: 'viewer' },
    }),
    expect: EDITORS(201),
  },
  'DELETE /api/v1/teams/{id}/invitations/{invitationId}': {
    call: async (w) => ({
      path: `/api/v1/teams/${w.room.teamId}/invitations/${(await invitation(w)).id}`,
    }),
    expect: EDITORS(200),
  },
  'GET /api/v1/teams/{id}/audit': {
    call: async (w) => ({ path: `/api/v1/teams/${w.room.teamId}/audit` }),
    expect: OWNERS(200),
  },
  'GET /api/v1/invitations/{token}': {
    call: async (w) => ({ path: `/api/v1/invitations/${(await invitation(w)).token}` }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'POST /api/v1/invitations/{token}/accept': {
    // Into another team of the owner's, so accepting changes nothing for the other entries;
    // members of this team are already in it and are told so.
    call: async (w, actor) => {
      const owner = w.room.members.owner;
      const team =
        actor === 'owner'
          ? { id: w.room.teamId }
          : await json<{ id: string }>(
              await owner.api.post('/api/v1/teams', { data: { name: 'Annexe' } }),
            );
      return { path: `/api/v1/invitations/${(await invitation(w, team.id)).token}/accept` };
    },
    expect: { ...EVERYONE_SIGNED_IN(200), owner: 409 },
  },
  'GET /api/v1/tokens': {
    call: async () => ({ path: '/api/v1/tokens' }),
    expect: EVERYONE_SIGNED_IN(200),
  },
  'POST /api/v1/tokens': {
    // Members call with their access tokens, and a token never mints tokens.
    call: async () => ({ path: '/api/v1/tokens', body: { name: 'script' } }),
    expect: EVERYONE_SIGNED_IN(403),
  },
  'DELETE /api/v1/tokens/{id}': {
    // One's own token (another than the one calling); someone else's is simply not found.
    call: async (w, actor) => {
      const owner = memberFor(w, actor) ?? w.writer;
      const token = await json<{ id: string }>(
        await owner.session.post('/api/v1/tokens', { data: { name: 'à révoquer' } }),
      );
      return { path: `/api/v1/tokens/${token.id}` };
    },
    expect: EVERYONE_SIGNED_IN(200),
  },
};

async function writerHighlight(w: World) {
  const start = SEED_TEXT.indexOf('isolement profond');
  return json<{ id: string; version: number }>(
    await w.writer.api.post(`/api/v1/articles/${w.room.articleId}/annotations`, {
      data: {
        selector: [
          { type: 'TextQuoteSelector', exact: 'isolement profond' },
          { type: 'TextPositionSelector', start, end: start + 17 },
        ],
      },
    }),
  );
}

test('the matrix has an entry for every route and method under app/api/v1', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(
    apiRouteHandlers()
      .map((h) => `${h.method} ${h.path}`)
      .sort(),
  );
});

test.describe('authorization matrix', () => {
  let world: World;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const room = await createNewsroom('Matrice');
    const [writer, writer2] = await Promise.all([
      createMember('Wanda Plume'),
      createMember('Walter Plume'),
    ]);
    for (const member of [writer, writer2]) {
      const { token } = await invitation({ room } as World, room.teamId, 'reviewer');
      await json(await member.api.post(`/api/v1/invitations/${token}/accept`));
    }
    const anonymous = await playwrightRequest.newContext({ baseURL: FIRST_INSTANCE });
    const [first] = (await sentencesOf(room.members.owner, room.articleId)).filter(
      (s) => s.kind === 'sentence',
    );
    // A PDF report is a job any member may ask for; asked by a writer, so that the actors' own
    // jobs (corrections) stay within their per-member cap.
    const { job } = await json<{ job: { id: string } }>(
      await writer.api.get(`/api/v1/articles/${room.articleId}/report?format=pdf`),
    );
    world = { room, writer, writer2, anonymous, sentence: first!.id, job: job.id };
  });

  test.afterAll(async () => {
    await Promise.all([
      world.writer.api.dispose(),
      world.writer2.api.dispose(),
      world.anonymous.dispose(),
    ]);
    await world.room.dispose();
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    test(route, async () => {
      const [method] = route.split(' ') as [string];
      const outcomes: Record<string, number> = {};
      for (const actor of ACTORS) {
        const { path: urlPath, body } = await entry.call(world, actor);
        const member = memberFor(world, actor);
        if (urlPath.endsWith('/events')) {
          outcomes[actor] = await streamStatus(urlPath, member?.token ?? null);
          continue;
        }
        const api = member?.api ?? world.anonymous;
        const response = await api.fetch(urlPath, {
          method,
          ...(body === undefined ? {} : { data: body }),
        });
        outcomes[actor] = response.status();
        if (response.status() >= 400) {
          // Refusals always come in the API's one error shape.
          const error = (await response.json()) as { error?: { code?: string; message?: string } };
          expect(error.error?.code, `${route} as ${actor}`).toEqual(expect.any(String));
          expect(error.error?.message, `${route} as ${actor}`).toEqual(expect.any(String));
        }
      }
      // A status among several allowed is shown as the expectation, so only a miss differs.
      const seen = Object.fromEntries(
        ACTORS.map((actor) => {
          const expected = entry.expect[actor];
          return [actor, isAllowed(expected, outcomes[actor]!) ? expected : outcomes[actor]];
        }),
      );
      expect(seen).toEqual(entry.expect);
    });
  }
});

/** The status of an event stream, without waiting for its (endless) body. */
async function streamStatus(urlPath: string, token: string | null): Promise<number> {
  const controller = new AbortController();
  const response = await fetch(`${FIRST_INSTANCE}${urlPath}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  controller.abort();
  return response.status;
}
