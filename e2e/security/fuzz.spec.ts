// Property-based fuzzing of every write route of /api/v1 (POST, PUT, PATCH, DELETE) over HTTP,
// with fast-check, as the owner of the team that holds the objects (so authorization passes and
// validation is what is exercised), authenticated by a personal access token; and of every GET
// route's query string, path segments and headers (see "Query strings, path segments and
// headers" below).
//
// Each route gets two properties of 500 runs, with a fixed seed per route:
// - "invalid": payloads surely refused (not JSON, not an object, a field of the wrong type or
//   out of range, a fuzzed path parameter…): every answer is a 4xx in the API's error shape,
//   within a few seconds, and the data the route could touch is unchanged afterwards;
// - "mixed": plausible payloads with edge values (NUL, lone surrogates, bidi marks, huge
//   strings, integers beyond int4, odd dates, unknown fields, deep nesting…) that may succeed:
//   never a 5xx, errors in the API's shape, successes in JSON, within a few seconds.
//
// Routes are grouped in lanes, one team (and its objects) each, so lanes run side by side
// (on both app instances) without touching each other's data. Every failing request is
// classified (property, generator, problem, payload features) and each class is reported with
// its smallest example, so one run shows every distinct bug, not only the first.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { expect, test, type APIResponse } from '@playwright/test';
import fc from 'fast-check';
import pg from 'pg';
import {
  anyJson,
  deepArray,
  deepObject,
  edgeString,
  field,
  hugeString,
  invalidObject,
  judge,
  notAnObject,
  notAString,
  notJson,
  objectText,
  payloadFeatures,
  plausibleObject,
  preview,
  raw,
  RawJson,
  send,
  text,
  toJsonText,
  fuzzedPathParam,
  validObject,
  LAST_EVENT_ID,
  query,
  queryString,
  readInvalidCases,
  readMixedCases,
  type Expectation,
  type Fields,
  type ReadFuzz,
} from '../fixtures/fuzz';
import { createMember, SEED_TEXT, sentencesOf, type Member } from '../fixtures/newsroom';
import { FIRST_INSTANCE, SECOND_INSTANCE } from '../fixtures/urls';
import { apiRouteHandlers, type RouteHandler } from '../../tests/support/api-routes';

const RUNS = 500;
/** Tells this run's accounts from a previous run's on the same database. */
const RUN = randomBytes(4).toString('hex');

// The fuzzing saturates both instances; the tests of this file run one after the other.
test.describe.configure({ mode: 'default' });
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const RATINGS = ['true', 'mostly_true', 'misleading', 'false', 'unverifiable', 'not_a_claim'];
const ROLES = ['owner', 'editor', 'reviewer', 'viewer'];

// ---------------------------------------------------------------------------------------------
// The world: one team per lane, with the objects the routes act on

const LANES = [
  'articles',
  'highlights',
  'comments',
  'verdicts',
  'review',
  'teams',
  'members',
  'account',
] as const;
type Lane = (typeof LANES)[number];

interface World {
  owner: Member;
  reviewer: Member;
  editor: Member;
  viewer: Member;
  outsider: Member;
  teams: Record<Exclude<Lane, 'account'>, string>;
  articles: {
    renamed: string;
    revised: string;
    highlights: string;
    comments: string;
    verdicts: string;
    review: string;
  };
  highlightText: string;
  sentences: {
    comments: string;
    put: string;
    submit: string;
    assign: string;
    approve: string;
    reject: string;
    resolve: string;
  };
  highlights: { patch: string; del: string; commented: string };
  comments: { patch: string; del: string };
  verdicts: { approve: string; reject: string; disputed: string[] };
  invitationId: string;
  acceptToken: string;
  spareTokenId: string;
  /** Made to be deleted: an article of the articles lane's team, and a team of the owner's. */
  doomed: { article: string; team: string };
  /**
   * Session cookies (`name=value`) of accounts of their own, for the routes only a browser
   * session may call: `keep` is never ended; `burn` is the one signing out everywhere ends.
   */
  sessions: { keep: string; burn: string };
}

/** The next-auth session cookie of a member's signed-in request context, as a Cookie header. */
async function sessionCookie(member: Member): Promise<string> {
  const { cookies } = await member.session.storageState();
  const cookie = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie, `${member.name} has a session cookie`).toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}

async function ok<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

async function newTeam(member: Member, name: string): Promise<string> {
  return (await ok<{ id: string }>(await member.api.post('/api/v1/teams', { data: { name } }))).id;
}

async function join(owner: Member, teamId: string, member: Member, role: string) {
  const { token } = await ok<{ token: string }>(
    await owner.api.post(`/api/v1/teams/${teamId}/invitations`, { data: { role } }),
  );
  await ok(await member.api.post(`/api/v1/invitations/${token}/accept`));
}

async function newArticle(owner: Member, teamId: string): Promise<string> {
  return (
    await ok<{ id: string }>(
      await owner.api.post('/api/v1/articles', {
        data: { teamId, text: SEED_TEXT, language: 'fr' },
      }),
    )
  ).id;
}

async function checkable(owner: Member, articleId: string) {
  const sentences = (await sentencesOf(owner, articleId)) as unknown as {
    id: string;
    kind: string;
    text: string;
    start: number;
    end: number;
  }[];
  return sentences.filter((s) => s.kind === 'sentence');
}

async function highlight(owner: Member, articleId: string, start: number, exact: string) {
  return (
    await ok<{ id: string }>(
      await owner.api.post(`/api/v1/articles/${articleId}/annotations`, {
        data: {
          selector: [
            { type: 'TextQuoteSelector', exact },
            { type: 'TextPositionSelector', start, end: start + exact.length },
          ],
        },
      }),
    )
  ).id;
}

async function submitted(member: Member, sentenceId: string, rating: string): Promise<string> {
  await ok(
    await member.api.put(`/api/v1/sentences/${sentenceId}/verdict`, {
      data: { rating, rationale: 'Vu dans la source.' },
    }),
  );
  return (
    await ok<{ id: string }>(
      await member.api.post(`/api/v1/sentences/${sentenceId}/verdict/submit`),
    )
  ).id;
}

async function buildWorld(): Promise<World> {
  const [owner, reviewer, editor, viewer, outsider] = await Promise.all([
    createMember('Fuzz Propriétaire'),
    createMember('Fuzz Relectrice'),
    createMember('Fuzz Éditeur'),
    createMember('Fuzz Lecteur'),
    createMember('Fuzz Partant'),
  ]);
  const teamIds = await Promise.all(
    LANES.filter((lane) => lane !== 'account').map((lane) => newTeam(owner, `Fuzz ${lane}`)),
  );
  const teams = Object.fromEntries(
    LANES.filter((lane) => lane !== 'account').map((lane, i) => [lane, teamIds[i]!]),
  ) as World['teams'];
  await Promise.all([
    join(owner, teams.verdicts, reviewer, 'reviewer'),
    join(owner, teams.review, reviewer, 'reviewer'),
    join(owner, teams.review, editor, 'editor'),
    join(owner, teams.members, viewer, 'viewer'),
    join(owner, teams.members, outsider, 'viewer'),
  ]);
  const [renamed, revised, highlights, comments, verdicts, review] = await Promise.all([
    newArticle(owner, teams.articles),
    newArticle(owner, teams.articles),
    newArticle(owner, teams.highlights),
    newArticle(owner, teams.comments),
    newArticle(owner, teams.verdicts),
    newArticle(owner, teams.review),
  ]);
  const highlightText = (
    await ok<{ text: string }>(await owner.api.get(`/api/v1/articles/${highlights}`))
  ).text;

  // highlights: one to edit, one to delete
  const at = highlightText.indexOf('cinq millions');
  const patchHighlight = await highlight(owner, highlights, at, 'cinq millions');
  const at2 = highlightText.indexOf('isolement profond');
  const delHighlight = await highlight(owner, highlights, at2, 'isolement profond');

  // comments: a sentence with a highlight and two comments of the owner's
  const [commented] = await checkable(owner, comments);
  const commentedHighlight = await highlight(
    owner,
    comments,
    commented!.start,
    commented!.text.slice(0, 12),
  );
  const comment = async (body: string) =>
    (
      await ok<{ id: string }>(
        await owner.api.post(`/api/v1/sentences/${commented!.id}/comments`, { data: { body } }),
      )
    ).id;
  const patchComment = await comment('À corriger');
  const delComment = await comment('À supprimer');

  // verdicts: the owner's own sentences
  const [put, submit, assign] = await checkable(owner, verdicts);
  await ok(
    await owner.api.put(`/api/v1/sentences/${submit!.id}/verdict`, { data: { rating: 'false' } }),
  );

  // review: verdicts of others to approve, send back, and a dispute to settle
  const [approve, reject, resolve] = await checkable(owner, review);
  const approveVerdict = await submitted(reviewer, approve!.id, 'true');
  const rejectVerdict = await submitted(reviewer, reject!.id, 'misleading');
  const disputed = [
    await submitted(reviewer, resolve!.id, 'true'),
    await submitted(editor, resolve!.id, 'false'),
  ];

  // teams: an invitation to revoke, and one to another team (the outsider's) to accept
  const invitationId = (
    await ok<{ id: string }>(
      await owner.api.post(`/api/v1/teams/${teams.teams}/invitations`, {
        data: { role: 'viewer' },
      }),
    )
  ).id;
  const elsewhere = await newTeam(outsider, 'Fuzz ailleurs');
  const acceptToken = (
    await ok<{ token: string }>(
      await outsider.api.post(`/api/v1/teams/${elsewhere}/invitations`, {
        data: { role: 'viewer' },
      }),
    )
  ).token;

  const spareTokenId = (
    await ok<{ id: string }>(
      await owner.session.post('/api/v1/tokens', { data: { name: 'rechange' } }),
    )
  ).id;
  const [keeper, burner] = await Promise.all([
    createMember('Fuzz Session'),
    createMember('Fuzz Session jetable'),
  ]);
  const sessions = { keep: await sessionCookie(keeper), burn: await sessionCookie(burner) };
  const doomed = {
    article: await newArticle(owner, teams.articles),
    team: await newTeam(owner, 'Fuzz à supprimer'),
  };

  return {
    owner,
    reviewer,
    editor,
    viewer,
    outsider,
    teams,
    articles: { renamed, revised, highlights, comments, verdicts, review },
    highlightText,
    sentences: {
      comments: commented!.id,
      put: put!.id,
      submit: submit!.id,
      assign: assign!.id,
      approve: approve!.id,
      reject: reject!.id,
      resolve: resolve!.id,
    },
    highlights: { patch: patchHighlight, del: delHighlight, commented: commentedHighlight },
    comments: { patch: patchComment, del: delComment },
    verdicts: { approve: approveVerdict, reject: rejectVerdict, disputed },
    invitationId,
    acceptToken,
    spareTokenId,
    doomed,
    sessions,
  };
}

// ---------------------------------------------------------------------------------------------
// What "unchanged" means, per lane: the reads that would show a write

async function read(world: World, path: string): Promise<unknown> {
  try {
    return ok(await world.owner.api.get(path));
  } catch (error) {
    // A kept-alive socket the server closed (idle for its 5 s keep-alive timeout while the lane
    // was fuzzing another instance) just as Playwright reused it: a GET is safe to send again.
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return ok(await world.owner.api.get(path));
  }
}

/** The team journal's newest event: any audited write in the team moves it. */
async function journalHead(world: World, teamId: string) {
  const { events } = (await read(world, `/api/v1/teams/${teamId}/audit`)) as {
    events: { id: string; action: string }[];
  };
  return events[0] ? `${events[0].id} ${events[0].action}` : null;
}

const SNAPSHOTS: Record<Lane, (world: World) => Promise<Record<string, unknown>>> = {
  articles: async (w) => ({
    journal: await journalHead(w, w.teams.articles),
    articles: (
      (await read(w, '/api/v1/articles')) as { articles: { id: string; teamId: string }[] }
    ).articles.filter((a) => a.teamId === w.teams.articles),
    renamed: await read(w, `/api/v1/articles/${w.articles.renamed}`),
    revised: await read(w, `/api/v1/articles/${w.articles.revised}`),
  }),
  highlights: async (w) => ({
    journal: await journalHead(w, w.teams.highlights),
    annotations: await read(w, `/api/v1/articles/${w.articles.highlights}/annotations`),
  }),
  comments: async (w) => ({
    journal: await journalHead(w, w.teams.comments),
    comments: await read(w, `/api/v1/sentences/${w.sentences.comments}/comments`),
  }),
  verdicts: async (w) => ({
    journal: await journalHead(w, w.teams.verdicts),
    put: await read(w, `/api/v1/sentences/${w.sentences.put}`),
    submit: await read(w, `/api/v1/sentences/${w.sentences.submit}`),
    assign: await read(w, `/api/v1/sentences/${w.sentences.assign}`),
  }),
  review: async (w) => ({
    journal: await journalHead(w, w.teams.review),
    approve: await read(w, `/api/v1/sentences/${w.sentences.approve}`),
    reject: await read(w, `/api/v1/sentences/${w.sentences.reject}`),
    resolve: await read(w, `/api/v1/sentences/${w.sentences.resolve}`),
  }),
  teams: async (w) => ({
    journal: await journalHead(w, w.teams.teams),
    myTeams: ((await read(w, '/api/v1/teams')) as { teams: { id: string; role: string }[] }).teams
      .map(({ id, role }) => `${id} ${role}`)
      .sort(),
    invitations: await read(w, `/api/v1/teams/${w.teams.teams}/invitations`),
  }),
  members: async (w) => ({
    journal: await journalHead(w, w.teams.members),
    members: await read(w, `/api/v1/teams/${w.teams.members}/members`),
  }),
  account: async (w) => ({
    tokens: ((await read(w, '/api/v1/tokens')) as { tokens: { id: string; name: string }[] }).tokens
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  }),
};

// ---------------------------------------------------------------------------------------------
// Per-route payloads

type Body = string | Uint8Array;
interface Labelled {
  label: string;
  body?: Body;
  expect: Expectation;
}
interface RouteFuzz {
  lane: Lane;
  /** Real values of the path parameters. */
  params: Record<string, string>;
  /** The JSON object the route reads, field by field. */
  fields?: Fields;
  /** `.strict()` schema: unknown fields are refused. */
  strict?: boolean;
  /** More surely-invalid payloads (expected status 422 unless told). */
  invalid?: { label: string; body: fc.Arbitrary<Body>; statuses?: number[] }[];
  /** More mixed payloads. */
  mixed?: fc.Arbitrary<Body>[];
  /** JSON that is not an object is refused (default true). */
  objectsOnly?: boolean;
  /** Fields that may hold a huge string in mixed payloads (default: all). */
  hugeFields?: string[];
  /** Status of a malformed path parameter (default 404). */
  pathStatuses?: number[];
  /** What to verify once the invalid runs are done, beyond the lane's snapshot. */
  afterInvalid?: (world: World, bodies: Body[]) => Promise<string[]>;
  /** A session-only route: called with this session cookie instead of the owner's token. */
  session?: (world: World) => string;
  /** No body and no path parameter: nothing a client sends can be fuzzed (the reason). */
  nothingToFuzz?: string;
}

const json = (value: unknown) => toJsonText(value);
const asText = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  arb.map((value) => (value instanceof RawJson ? value.text : json(value)));

/** A short article text: sentences of plain and edge words. Never one huge word (see below). */
const articleText = fc
  .array(
    fc
      .array(fc.oneof(text(3), fc.constantFrom('Le', 'chiffre', 'de', '5', 'millions')), {
        minLength: 1,
        maxLength: 8,
      })
      .map((words) => `${words.join(' ')}.`),
    { minLength: 1, maxLength: 6 },
  )
  .map((sentences) => sentences.join(' '));

const articleHtml = fc
  .tuple(articleText, edgeString(4))
  .map(
    ([body, title]) =>
      `<html lang="fr"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><script>window.__xss=1</script></article></body></html>`,
  );

const importFields = (teams: readonly string[]): Fields => ({
  ...(teams.length ? { teamId: field.uuid({ real: teams, required: true }) } : {}),
  title: field.string({ max: 300, nullish: true }),
  language: {
    valid: fc.constantFrom('fr', 'en', 'und', 'zh-Hant', 'de-CH-1996'),
    invalid: fc.constantFrom('FR', 'french', '', 'f', 'fr_FR', 'fr-', 1, null, [], 'fr\u0000'),
  },
  author: field.string({ max: 200, nullish: true }),
  publisher: field.string({ max: 200, nullish: true }),
  publishedAt: field.date(),
  sourceUrl: field.url({ nullish: true }),
  text: { valid: articleText, invalid: fc.oneof(notAString, fc.constant(null)) },
  format: field.enumOf(['text', 'markdown']),
  html: { valid: articleHtml, invalid: fc.oneof(notAString, fc.constant(null)) },
  url: field.url({ fetched: true }),
});

/** Exactly one of text, html, url: none, or two of them, is refused. */
function sourceCountInvalid(base: Fields) {
  const { text: _t, html: _h, url: _u, ...rest } = base;
  void _t;
  void _h;
  void _u;
  return [
    { label: 'no-source', body: asText(validObject(rest)) },
    {
      label: 'two-sources',
      body: fc
        .tuple(validObject(rest), articleText, articleHtml, fc.constantFrom(...['text', 'html']))
        .map(([object, t, h]) => json({ ...object, text: t, html: h })),
    },
  ];
}

/** The claim's own fields of a verdict (claimSchema). */
const claimFields: Fields = {
  summary: field.string({ max: 200, nullish: true }),
  claimant: field.string({ max: 200, nullish: true }),
  claimantKind: field.enumOf(['person', 'organization']),
  date: field.date(),
  appearanceUrl: field.url({ nullish: true }),
};

const sourceFields: Fields = {
  url: field.url({ required: true }),
  title: field.string({ max: 500, nullish: true }),
  publisher: field.string({ max: 200, nullish: true }),
  publishedAt: field.date(),
  excerpt: field.string({ max: 5000, nullish: true }),
};

const versionField = (required: boolean, common: number[] = [1, 2, 3]) =>
  field.int({ min: 1, common, required });

/** Selectors on `articleText`: exact ones, and perturbed (out of range, start > end…). */
function selectorArbs(articleText: string) {
  const exact = fc
    .tuple(fc.nat({ max: articleText.length - 2 }), fc.integer({ min: 1, max: 40 }))
    .map(([start, length]) => {
      const end = Math.min(articleText.length, start + length);
      return [
        { type: 'TextQuoteSelector', exact: articleText.slice(start, end) },
        { type: 'TextPositionSelector', start, end },
      ] as Record<string, unknown>[];
    });
  const perturbed = fc
    .tuple(
      exact,
      fc.oneof(
        fc.constantFrom(
          0,
          1,
          articleText.length,
          articleText.length + 1,
          2 ** 31 - 1,
          2 ** 31,
          2 ** 53 - 1,
        ),
        fc.integer({ min: 0, max: articleText.length * 2 }),
      ),
      fc.integer({ min: 0, max: 100 }),
      fc.option(edgeString(3)),
      fc.option(edgeString(3)),
    )
    .map(([[quote], start, delta, prefix, suffix]) => [
      {
        ...quote,
        ...(prefix === null ? {} : { prefix: prefix.slice(0, 64) }),
        ...(suffix === null ? {} : { suffix: suffix.slice(0, 64) }),
      },
      // start > end too: positions are only a hint
      { type: 'TextPositionSelector', start: start + delta, end: Math.max(1, start) },
    ]);
  // A quote that is nowhere in the text: nothing to anchor, whatever the positions say.
  const absent = fc
    .tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.nat({ max: articleText.length }))
    .map(([noise, start]) => [
      { type: 'TextQuoteSelector', exact: `☃☃${noise}☃` },
      { type: 'TextPositionSelector', start, end: start + 5 },
    ]);
  const invalid = fc.oneof(
    fc.constantFrom('x', 1, null, true, {}),
    fc.constant([]),
    exact.map((s) => [...s, s[0]]), // three selectors
    exact.map((s) => [s[1]]), // no TextQuoteSelector
    exact.map((s) => [{ ...s[0], exact: '' }]),
    exact.map((s) => [{ ...s[0], exact: 'x'.repeat(20_001) }]),
    exact.map((s) => [{ ...s[0], prefix: 'p'.repeat(65) }]),
    exact.map((s) => [{ ...s[0], type: 'XPathSelector' }]),
    exact.map((s) => [s[0], { ...s[1], start: -1 }]),
    exact.map((s) => [s[0], { ...s[1], end: 0 }]),
    exact.map((s) => [s[0], { ...s[1], start: 1.5 }]),
    exact.map((s) => [s[0], { ...s[1], end: raw('1e400') }]),
    exact.map((s) => [s[0], { ...s[1], start: '0' }]),
    exact.map((s) => [{ exact: s[0]!.exact }]),
  );
  return { exact, perturbed, absent, invalid };
}

const ROUTES: Record<string, (w: World) => RouteFuzz> = {
  // ---- articles
  'POST /api/v1/articles': (w) => {
    const fields = importFields([w.teams.articles]);
    return {
      lane: 'articles',
      params: {},
      fields,
      invalid: sourceCountInvalid(fields),
      // A huge article text is a valid import (up to 3 million characters): see the DoS test.
      hugeFields: ['title', 'author', 'publisher', 'language', 'sourceUrl'],
    };
  },
  'PATCH /api/v1/articles/{id}': (w) => ({
    lane: 'articles',
    params: { id: w.articles.renamed },
    fields: {
      title: field.string({ min: 1, max: 300, required: true }),
      version: versionField(true),
    },
  }),
  'PUT /api/v1/articles/{id}/text': (w) => {
    const { text, format, html, url } = importFields([]);
    const fields: Fields = {
      text: text!,
      format: format!,
      html: html!,
      url: url!,
      version: versionField(true),
      note: field.string({ max: 2000, nullish: true }),
    };
    return {
      lane: 'articles',
      params: { id: w.articles.revised },
      fields,
      invalid: sourceCountInvalid(fields),
      hugeFields: ['note'],
    };
  },

  // A mixed run deletes it (200), the later ones find nothing (404).
  'DELETE /api/v1/articles/{id}': (w) => ({
    lane: 'articles',
    params: { id: w.doomed.article },
  }),
  // No body: publishing an article without an approved verdict is refused (409), withdrawing a
  // never-published one says so (200).
  'POST /api/v1/articles/{id}/publication': (w) => ({
    lane: 'articles',
    params: { id: w.articles.renamed },
  }),
  'DELETE /api/v1/articles/{id}/publication': (w) => ({
    lane: 'articles',
    params: { id: w.articles.renamed },
  }),

  // ---- highlights
  'POST /api/v1/articles/{id}/annotations': (w) => {
    const selectors = selectorArbs(w.highlightText);
    return {
      lane: 'highlights',
      params: { id: w.articles.highlights },
      fields: {
        selector: {
          valid: fc.oneof(selectors.exact, selectors.perturbed, selectors.absent),
          invalid: selectors.invalid,
          required: true,
        },
        note: field.string({ max: 5000, nullish: true }),
      },
      invalid: [
        {
          label: 'selector-nowhere-in-text',
          body: fc
            .tuple(selectors.absent, fc.option(text()))
            .map(([selector, note]) => json({ selector, note })),
        },
      ],
    };
  },
  'POST /api/v1/articles/{id}/annotations/import': (w) => {
    const selectors = selectorArbs(w.highlightText);
    const annotation = (selector: fc.Arbitrary<unknown>) =>
      fc.record(
        {
          type: fc.constantFrom('Annotation', 'oa:Annotation', ['Annotation']),
          body: fc.oneof(
            text(),
            fc.record({
              type: fc.constant('TextualBody'),
              value: text(),
              purpose: fc.constantFrom('commenting', 'tagging'),
            }),
            fc.array(anyJson(1), { maxLength: 2 }),
          ),
          bodyValue: fc.oneof(text(), anyJson(1)),
          target: fc.oneof(
            selector.map((s) => ({ source: 'https://example.org/a', selector: s })),
            selector.map((s) => [{ selector: s }]),
            anyJson(1),
          ),
        },
        { requiredKeys: ['target'] },
      );
    const usable = fc.oneof(selectors.exact, selectors.perturbed, selectors.absent);
    const collection = (items: fc.Arbitrary<unknown[]>) =>
      fc.oneof(
        items.map((list) => ({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          first: { type: 'AnnotationPage', items: list },
        })),
        items.map((list) => ({ type: 'AnnotationPage', items: list })),
        items.map((list) => list),
      );
    // No usable selector anywhere: refused with 422, nothing imported.
    const unusable = fc.oneof(
      fc.record({ type: fc.constant('TextQuoteSelector'), exact: fc.constant('') }),
      fc.record({
        type: fc.constant('TextPositionSelector'),
        start: fc.constant(5),
        end: fc.constant(2),
      }),
      fc.record({ type: fc.constant('XPathSelector'), value: fc.string() }),
      fc.constantFrom(null, 'x', 1, []),
    );
    return {
      lane: 'highlights',
      params: { id: w.articles.highlights },
      objectsOnly: false,
      invalid: [
        {
          label: 'scalar',
          body: asText(anyJson(1).filter((v) => v === null || typeof v !== 'object')),
        },
        {
          label: 'no-usable-selector',
          body: asText(
            collection(fc.array(annotation(unusable.map((s) => [s])), { maxLength: 4 })),
          ),
        },
        {
          label: 'not-a-collection',
          body: asText(
            fc.oneof(
              fc.constant({ type: 'AnnotationCollection' }),
              fc.constant({ type: 'AnnotationCollection', total: 0 }),
              fc.constant({ type: 'AnnotationPage' }),
              fc.dictionary(fc.constantFrom('a', 'items', 'first', 'id'), anyJson(2), {
                maxKeys: 3,
              }),
            ),
          ),
        },
        {
          label: 'deep-nesting',
          body: fc.integer({ min: 1000, max: 5000 }).map((depth) => deepArray(depth).text),
        },
      ],
      mixed: [
        asText(collection(fc.array(annotation(usable), { maxLength: 4 }))),
        asText(collection(fc.array(anyJson(3), { maxLength: 4 }))),
        asText(annotation(usable)),
      ],
    };
  },
  'PATCH /api/v1/annotations/{id}': (w) => ({
    lane: 'highlights',
    params: { id: w.highlights.patch },
    fields: {
      note: {
        ...field.string({ max: 5000, nullish: true }),
        invalid: fc.oneof(notAString, hugeString(5001)),
        required: true,
      },
      version: versionField(true),
    },
  }),
  'DELETE /api/v1/annotations/{id}': (w) => ({
    lane: 'highlights',
    params: { id: w.highlights.del },
    fields: { version: versionField(false, [7, 8, 1]) },
  }),

  // ---- comments
  'POST /api/v1/sentences/{id}/comments': (w) => ({
    lane: 'comments',
    params: { id: w.sentences.comments },
    fields: {
      body: field.string({ min: 1, max: 10_000, required: true }),
      parentId: field.uuid({ real: [w.comments.patch] }),
      annotationId: field.uuid({ real: [w.highlights.commented] }),
    },
  }),
  'PATCH /api/v1/comments/{id}': (w) => ({
    lane: 'comments',
    params: { id: w.comments.patch },
    fields: {
      body: field.string({ min: 1, max: 10_000, required: true }),
      version: versionField(true),
    },
  }),
  'DELETE /api/v1/comments/{id}': (w) => ({
    lane: 'comments',
    params: { id: w.comments.del },
    fields: { version: versionField(false, [9, 1]) },
  }),

  // ---- the owner's verdicts
  // A match to reuse that does not exist: 404, nothing written.
  'POST /api/v1/sentences/{id}/reuse': (w) => ({
    lane: 'verdicts',
    params: { id: w.sentences.put },
    fields: {
      from: {
        valid: fc.oneof(
          fc.uuid().map((id) => ({ kind: 'verdict', sentenceId: id })),
          fc.uuid().map((id) => ({ kind: 'external', factCheckId: id })),
        ),
        invalid: fc.oneof(
          fc.constantFrom('x', 1, true, null, [], {}, { kind: 'other', sentenceId: randomUUID() }),
          fc.string().map((id) => ({ kind: 'verdict', sentenceId: `${id}x` })),
          fc.constant({ kind: 'external' }),
        ),
        required: true,
      },
    },
  }),
  'PUT /api/v1/sentences/{id}/verdict': (w) => ({
    lane: 'verdicts',
    params: { id: w.sentences.put },
    fields: {
      rating: field.enumOf(RATINGS, { required: true }),
      rationale: {
        ...field.string({ max: 20_000 }),
        invalid: fc.oneof(notAString, hugeString(20_001), fc.constant(null)),
      },
      sources: field.arrayOf(sourceFields, { max: 30 }),
      claim: field.objectOf(claimFields),
      version: versionField(false),
    },
  }),
  'POST /api/v1/sentences/{id}/verdict/submit': (w) => ({
    lane: 'verdicts',
    params: { id: w.sentences.submit },
    fields: { version: versionField(false, [5, 1]) },
  }),
  'PUT /api/v1/sentences/{id}/assignee': (w) => ({
    lane: 'verdicts',
    params: { id: w.sentences.assign },
    fields: {
      userId: field.uuid({
        real: [w.reviewer.id, w.owner.id, w.viewer.id],
        required: true,
        nullable: true,
      }),
    },
  }),

  // ---- reviewing others' verdicts
  'POST /api/v1/verdicts/{id}/approve': (w) => ({
    lane: 'review',
    params: { id: w.verdicts.approve },
    fields: { version: versionField(false, [5, 2]) },
  }),
  'POST /api/v1/verdicts/{id}/reject': (w) => ({
    lane: 'review',
    params: { id: w.verdicts.reject },
    fields: {
      reason: field.string({ min: 1, max: 5000, required: true }),
      version: versionField(false, [5, 2]),
    },
  }),
  'POST /api/v1/sentences/{id}/resolve': (w) => {
    const keep: Fields = {
      verdictId: field.uuid({ real: w.verdicts.disputed, required: true }),
      version: versionField(false, [2, 3]),
    };
    const write: Fields = {
      rating: field.enumOf(RATINGS, { required: true }),
      rationale: field.string({ min: 1, max: 20_000, required: true }),
      sources: field.arrayOf(sourceFields, { max: 30 }),
    };
    return {
      lane: 'review',
      params: { id: w.sentences.resolve },
      strict: true,
      invalid: [
        { label: 'invalid-field', body: asText(invalidObject(keep)) },
        { label: 'invalid-field', body: asText(invalidObject(write)) },
        {
          label: 'both-shapes',
          body: fc
            .tuple(validObject(keep), validObject(write))
            .map(([a, b]) => json({ ...a, ...b })),
        },
        {
          label: 'unknown-field',
          body: fc
            .tuple(
              fc.oneof(validObject(keep), validObject(write)),
              fc.constantFrom('note', 'id', '__proto__'),
            )
            .map(([object, key]) => objectText([...Object.entries(object), [key, 'x']]).text),
        },
      ],
      mixed: [
        asText(plausibleObject(keep)),
        asText(plausibleObject(write)),
        asText(validObject(write)),
      ],
    };
  },

  // ---- teams, invitations
  'POST /api/v1/teams': () => ({
    lane: 'teams',
    params: {},
    fields: { name: field.string({ min: 1, max: 120, required: true }) },
  }),
  'POST /api/v1/teams/{id}/invitations': (w) => ({
    lane: 'teams',
    params: { id: w.teams.teams },
    fields: {
      role: field.enumOf(ROLES, { required: true }),
      expiresInDays: {
        valid: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(raw('30.0'), raw('1e1'))),
        invalid: fc.oneof(
          fc.constantFrom(0, 31, -1, 1.5, 2 ** 31, 1e21, '7', null, true, [], raw('1e400')),
          fc.integer({ min: 31, max: 1_000_000 }),
        ),
      },
    },
  }),
  // No fuzzed name is the team's ("Fuzz à supprimer"): every run is refused, nothing deleted.
  'DELETE /api/v1/teams/{id}': (w) => ({
    lane: 'teams',
    params: { id: w.doomed.team },
    fields: { confirmName: field.string({ min: 1, max: 120, required: true }) },
  }),
  // Other fact-checkers' ClaimReviews: any text is a document to read (422 when it is none).
  'POST /api/v1/teams/{id}/fact-checks/import': (w) => ({
    lane: 'teams',
    params: { id: w.teams.teams },
    fields: {
      document: {
        valid: fc.oneof(
          text(),
          fc.constant('{"@type":"ClaimReview","url":"javascript:alert(1)","claimReviewed":"x"}'),
          fc.constant('<html><script type="application/ld+json">[[[[</script></html>'),
        ),
        invalid: fc.oneof(notAString, fc.constant(''), fc.constant(null)),
        required: true,
      },
      trust: field.boolean(),
    },
  }),
  'POST /api/v1/teams/{id}/fact-check-feeds': (w) => ({
    lane: 'teams',
    params: { id: w.teams.teams },
    fields: { url: field.url({ required: true, fetched: true }), trust: field.boolean() },
  }),
  // Unknown ids: 404 (the feeds and publishers themselves: external-fact-checks.test.ts).
  'DELETE /api/v1/teams/{id}/fact-check-feeds/{feedId}': (w) => ({
    lane: 'teams',
    params: { id: w.teams.teams, feedId: randomUUID() },
  }),
  'PATCH /api/v1/teams/{id}/fact-check-publishers/{publisherId}': (w) => ({
    lane: 'teams',
    params: { id: w.teams.teams, publisherId: randomUUID() },
    fields: { trusted: field.boolean({ required: true }) },
  }),
  'DELETE /api/v1/teams/{id}/invitations/{invitationId}': (w) => ({
    lane: 'teams',
    params: { id: w.teams.teams, invitationId: w.invitationId },
  }),
  'POST /api/v1/invitations/{token}/accept': (w) => ({
    lane: 'teams',
    params: { token: w.acceptToken },
    pathStatuses: [410, 404], // 404: a dot segment (..%2F) is no path of the API
  }),
  'PATCH /api/v1/teams/{id}': (w) => ({
    lane: 'teams',
    params: { id: w.teams.teams },
    // Any of the settings; an absent one is unchanged (an empty body changes nothing).
    fields: {
      allowPartyAdjudication: field.boolean(),
      publicationLanguage: {
        valid: fc.constantFrom('fr', 'en'),
        invalid: fc.constantFrom('FR', 'de', '', ' en', 'en-GB', 0, true, null, ['fr']),
      },
      publicName: field.string({ max: 200, nullish: true }),
      publicUrl: field.url({ nullish: true }),
      logoUrl: field.url({ nullish: true }),
      nameReviewers: field.boolean(),
    },
  }),
  'PATCH /api/v1/teams/{id}/members/{userId}': (w) => ({
    lane: 'members',
    params: { id: w.teams.members, userId: w.viewer.id },
    fields: { role: field.enumOf(ROLES, { required: true }) },
  }),
  'DELETE /api/v1/teams/{id}/members/{userId}': (w) => ({
    lane: 'members',
    params: { id: w.teams.members, userId: w.outsider.id },
  }),

  // ---- account
  'POST /api/v1/tokens': () => ({
    lane: 'account',
    params: {},
    session: (w) => w.sessions.keep,
    fields: {
      name: field.string({ min: 1, max: 100, required: true }),
      expiresInDays: field.int({ min: 1, common: [7, 30, 90, 365] }),
    },
  }),
  'DELETE /api/v1/tokens/{id}': (w) => ({
    lane: 'account',
    params: { id: w.spareTokenId },
  }),
  // On an account of its own (the `keep` session): the owner's name shows in other lanes.
  'PATCH /api/v1/me': () => ({
    lane: 'account',
    params: {},
    session: (w) => w.sessions.keep,
    fields: {
      name: field.string({ min: 1, max: 120 }),
      locale: {
        valid: fc.constantFrom('fr', 'en', null),
        invalid: fc.constantFrom('FR', 'de', '', ' fr', 'fr-FR', 0, true, ['fr']),
      },
      timeZone: {
        valid: fc.constantFrom('Europe/Paris', 'America/Montreal', 'UTC', 'africa/dakar', null),
        invalid: fc.oneof(
          fc.constantFrom('Mars/Olympus', 'Europe/Pariss', '', '   ', 0, true, ['UTC']),
          hugeString(65),
        ),
      },
    },
  }),
  // Session only, called with a session of its own; a fuzzed password is never the right one.
  'DELETE /api/v1/me': () => ({
    lane: 'account',
    params: {},
    session: (w) => w.sessions.keep,
    fields: { password: field.string({ min: 1, max: 200, required: true }) },
  }),
  'PUT /api/v1/me/password': () => ({
    lane: 'account',
    params: {},
    session: (w) => w.sessions.keep,
    fields: {
      currentPassword: field.string({ min: 1, max: 200, required: true }),
      // Passwords are not trimmed: the fuzzer's "too short once trimmed" is a valid password.
      newPassword: field.string({ min: 1, max: 72, required: true }),
    },
  }),
  'DELETE /api/v1/me/sessions/{id}': () => ({
    lane: 'account',
    params: { id: '00000000-0000-7000-8000-000000000000' },
    session: (w) => w.sessions.burn,
    pathStatuses: [404],
  }),
  'DELETE /api/v1/me/sessions': () => ({
    lane: 'account',
    params: {},
    session: (w) => w.sessions.burn,
    nothingToFuzz: 'sign out everywhere reads no body and no parameter',
  }),
  'POST /api/v1/signup': () => {
    // Unique per run: the same seed gives the same addresses, and a retry reuses the database.
    const freshEmail = fc.uuid().map((id) => `fz-${id}.${RUN}@test.factdesk`);
    const email = {
      valid: fc.oneof(
        { arbitrary: freshEmail, weight: 6 },
        {
          arbitrary: fc.constantFrom(
            'A+B@EXAMPLE.ORG',
            " o'hara@example.org ",
            `${'x'.repeat(64)}@example.org`,
            'x@sub.example.museum',
          ),
          weight: 1,
        },
      ),
      invalid: fc.oneof(
        notAString,
        fc.constantFrom(
          null,
          '',
          'sans-arobase',
          '@example.org',
          'a@',
          'a@@example.org',
          'a b@example.org',
          'a@b',
          'é@example.org',
          'a@example.org\u0000',
          `${'x'.repeat(250)}@example.org`,
          '<script>@example.org',
        ),
      ),
      required: true,
    };
    const password = {
      // Few valid passwords: each valid sign-up costs a bcrypt hash (cost 12).
      valid: fc.oneof(
        { arbitrary: fc.constantFrom('court', 'x'.repeat(9), ''), weight: 24 },
        {
          arbitrary: fc.constantFrom('mot-de-passe-solide', '\u0000\ud800😀-mot-de-passe'),
          weight: 1,
        },
      ),
      invalid: fc.oneof(
        notAString,
        fc.constantFrom(
          null,
          '',
          'court',
          'x'.repeat(9),
          'é'.repeat(37),
          '😀'.repeat(19),
          'x'.repeat(73),
        ),
        hugeString(73),
      ),
      required: true,
    };
    return {
      lane: 'account',
      params: {},
      fields: { email, name: field.string({ min: 1, max: 120, required: true }), password },
      afterInvalid: async (world, bodies) => {
        // None of the refused sign-ups created its account: the address is still free.
        const emails = bodies
          .map((body) => {
            try {
              return (JSON.parse(String(body)) as { email?: unknown }).email;
            } catch {
              return undefined;
            }
          })
          .filter(
            (e): e is string =>
              typeof e === 'string' &&
              new RegExp(`^fz-[0-9a-f-]+\\.${RUN}@test\\.factdesk$`).test(e),
          );
        const problems: string[] = [];
        for (const address of emails.slice(0, 3)) {
          // Through fetch, which honours the server's keep-alive timeout (Playwright's request
          // context may reuse a socket the server has just closed after the long lane).
          const response = await send({
            baseUrl: FIRST_INSTANCE,
            method: 'POST',
            path: '/api/v1/signup',
            token: world.owner.token,
            body: JSON.stringify({
              email: address,
              name: 'Sonde',
              password: 'mot-de-passe-solide',
            }),
          });
          if (response.status !== 201) {
            problems.push(
              `[invalid] a refused sign-up created ${address}: signing up again answers ${response.status}`,
            );
          }
        }
        return problems;
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Generators of whole requests

interface Case extends Labelled {
  /** A fuzzed path parameter: its name and URL text. */
  path?: { name: string; segment: string };
}

/** Lone surrogates as raw characters rather than JSON escapes (fetch sends them as U+FFFD). */
const unescapeSurrogates = (jsonText: string) =>
  jsonText.replace(/\\u(d[89a-f][0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );

function invalidCases(spec: RouteFuzz, handler: RouteHandler): fc.Arbitrary<Case> {
  const fields = spec.fields ?? {};
  const sample = spec.fields
    ? plausibleObject(fields)
    : asText(anyJson(2)).map((t) => raw(String(t)));
  const bodies: { arbitrary: fc.Arbitrary<Case>; weight: number }[] = [];
  const invalid = (statuses: number[], code?: string) => ({
    invalid: true,
    statuses,
    ...(code ? { code } : {}),
  });
  if (handler.body !== 'none') {
    bodies.push({
      arbitrary: notJson(
        sample.map((r) => r.text),
        { empty: handler.body === 'required' },
      ).map((body) => ({ label: 'not-json', body, expect: invalid([400], 'invalid_json') })),
      weight: 3,
    });
    if (spec.objectsOnly !== false) {
      bodies.push({
        arbitrary: notAnObject(sample, { allowNull: handler.body === 'required' }).map((value) => ({
          label: 'not-an-object',
          body: value instanceof RawJson ? value.text : json(value),
          expect: invalid([422]),
        })),
        weight: 3,
      });
    }
    if (spec.fields && !spec.strict) {
      bodies.push({
        arbitrary: invalidObject(fields).map((body) => ({
          label: 'invalid-field',
          body: body.text,
          expect: invalid([422]),
        })),
        weight: 8,
      });
    }
    for (const extra of spec.invalid ?? []) {
      bodies.push({
        arbitrary: extra.body.map((body) => ({
          label: extra.label,
          body,
          expect: invalid(extra.statuses ?? [422]),
        })),
        weight: 3,
      });
    }
  }
  const names = Object.keys(spec.params);
  if (names.length > 0) {
    const pathStatuses = spec.pathStatuses ?? [404];
    const fuzzedPath = fc
      .tuple(
        fc
          .constantFrom(...names)
          .chain((name) => fuzzedPathParam(spec.params[name]!).map((fuzz) => ({ name, ...fuzz }))),
        mixedBodies(spec, handler),
      )
      .map(([fuzz, body]) => ({
        label: fuzz.label,
        body,
        path: { name: fuzz.name, segment: fuzz.segment },
        expect: {
          invalid: true,
          // A well-formed UUID that names nothing may meet a validation error first.
          ...(fuzz.label === 'path:random-uuid'
            ? {}
            : {
                statuses:
                  fuzz.label === 'path:bad-percent-encoding'
                    ? [400, 404, ...pathStatuses]
                    : pathStatuses,
              }),
        },
      }));
    // Every run for routes without a body; about one run in six otherwise.
    const total = bodies.reduce((sum, b) => sum + b.weight, 0);
    bodies.push({ arbitrary: fuzzedPath, weight: total === 0 ? 1 : Math.ceil(total / 5) });
  }
  return fc.oneof(...bodies);
}

function mixedBodies(spec: RouteFuzz, handler: RouteHandler): fc.Arbitrary<Body | undefined> {
  if (handler.body === 'none') {
    return fc.oneof(
      fc.constant(undefined),
      asText(anyJson(2)),
      notJson(fc.constant('{}'), { empty: true }),
    );
  }
  const fields = spec.fields ?? {};
  const keys = Object.keys(fields);
  const plausible = spec.fields
    ? plausibleObject(fields)
    : asText(anyJson(3)).map((t) => raw(String(t)));
  const hugeKeys = spec.hugeFields ?? keys;
  const options: { arbitrary: fc.Arbitrary<Body | undefined>; weight: number }[] = [
    { arbitrary: plausible.map((r) => r.text), weight: 12 },
    { arbitrary: asText(anyJson(3)), weight: 1 },
    {
      arbitrary: notJson(
        plausible.map((r) => r.text),
        { empty: true },
      ),
      weight: 1,
    },
    // Byte-order mark before the JSON (Request.text() drops it), lone surrogates as raw text.
    { arbitrary: plausible.map((r) => `\ufeff${r.text}`), weight: 1 },
    { arbitrary: plausible.map((r) => unescapeSurrogates(r.text)), weight: 1 },
    // Unknown fields nested thousands deep.
    {
      arbitrary: fc
        .tuple(
          spec.fields ? validObject(fields) : fc.constant({}),
          fc.integer({ min: 1000, max: 5000 }),
          fc.boolean(),
        )
        .map(
          ([object, depth, arrays]) =>
            objectText([
              ...Object.entries(object),
              ['deep', arrays ? deepArray(depth) : deepObject(depth)],
            ]).text,
        ),
      weight: 1,
    },
    // The same key twice: the last one wins in JSON.parse.
    ...(keys.length
      ? [
          {
            arbitrary: fc
              .tuple(validObject(fields), fc.constantFrom(...keys), anyJson(1))
              .map(
                ([object, key, first]) =>
                  objectText([[key, first], ...Object.entries(object)]).text,
              ),
            weight: 1,
          },
        ]
      : []),
    ...(hugeKeys.length
      ? [
          {
            arbitrary: fc
              .tuple(validObject(fields), fc.constantFrom(...hugeKeys), hugeString(1000))
              .map(([object, key, huge]) => json({ ...object, [key]: huge })),
            weight: 1,
          },
        ]
      : []),
    ...(spec.mixed ?? []).map((arbitrary) => ({ arbitrary, weight: 4 })),
  ];
  return fc.oneof(...options);
}

function mixedCases(spec: RouteFuzz, handler: RouteHandler): fc.Arbitrary<Case> {
  const names = Object.keys(spec.params);
  return fc
    .tuple(
      mixedBodies(spec, handler),
      // Sometimes a real id in capitals: the same UUID, so it may act on the same object.
      names.length && Object.values(spec.params).some((v) => /^[0-9a-f-]{36}$/.test(v))
        ? fc.option(
            fc.constantFrom(...names.filter((n) => /^[0-9a-f-]{36}$/.test(spec.params[n]!))),
            { freq: 8 },
          )
        : fc.constant(null),
    )
    .map(([body, upper]) => ({
      label: 'mixed',
      body,
      ...(upper ? { path: { name: upper, segment: spec.params[upper]!.toUpperCase() } } : {}),
      expect: { invalid: false },
    }));
}

// ---------------------------------------------------------------------------------------------
// Running and reporting

interface ProblemClass {
  count: number;
  example: { path: string; body?: Body; status: number; response: string; size: number };
}
interface PhaseReport {
  runs: number;
  statuses: Map<number, number>;
  problems: Map<string, ProblemClass>;
  slowest: number;
}
interface RouteReport {
  key: string;
  seed: number;
  instance: string;
  seconds: number;
  phases: Record<'invalid' | 'mixed', PhaseReport>;
  /** Other problems: the data changed, a refused sign-up created an account. */
  notes: string[];
}

function seedOf(key: string): number {
  return createHash('sha256').update(key).digest().readInt32BE(0);
}

function urlOf(template: string, params: Record<string, string>, fuzz?: Case['path']) {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    fuzz?.name === name ? fuzz.segment : encodeURIComponent(params[name]!),
  );
}

// Request body limits (lib/validations/limits.ts): the import routes take more.
const IMPORT_ROUTES = new Set([
  'POST /api/v1/articles',
  'PUT /api/v1/articles/{id}/text',
  'POST /api/v1/articles/{id}/annotations/import',
]);
const bodyLimitOf = (route: string) => (IMPORT_ROUTES.has(route) ? 12 : 1) * 1024 * 1024;

// Plausible payloads may start background jobs (202: large imports, corrections, big W3C
// imports). Their writes land later, so every lane waits for them before taking a snapshot:
// "unchanged" must mean what the refused requests did, not what an earlier job finished doing.
const pendingJobs = new Set<string>();

async function settleJobs(world: World): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (pendingJobs.size > 0) {
    for (const id of [...pendingJobs]) {
      const { job } = (await read(world, `/api/v1/jobs/${id}`)) as { job: { status: string } };
      if (job.status === 'succeeded' || job.status === 'failed') pendingJobs.delete(id);
    }
    if (pendingJobs.size === 0) return;
    if (Date.now() > deadline)
      throw new Error(`jobs still running: ${[...pendingJobs].join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function runPhase(
  phase: 'invalid' | 'mixed',
  arb: fc.Arbitrary<Case>,
  options: {
    handler: RouteHandler;
    params: Record<string, string>;
    token: string;
    /** A session cookie to send instead of the token. */
    cookie?: string;
    baseUrl: string;
    seed: number;
  },
  seen: Body[],
): Promise<PhaseReport> {
  const report: PhaseReport = { runs: 0, statuses: new Map(), problems: new Map(), slowest: 0 };
  await fc.assert(
    fc.asyncProperty(arb, async (c) => {
      const path = urlOf(options.handler.path, options.params, c.path);
      const answer = await send({
        baseUrl: options.baseUrl,
        method: options.handler.method,
        path,
        token: options.token,
        cookie: options.cookie,
        body: c.body,
      });
      report.runs += 1;
      report.statuses.set(answer.status, (report.statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 202) {
        const id = /"job":\{"id":"([0-9a-f-]{36})"/.exec(answer.text)?.[1];
        if (id) pendingJobs.add(id);
      }
      report.slowest = Math.max(report.slowest, answer.ms);
      if (c.body !== undefined) seen.push(c.body);
      // A body beyond the route's byte limit is refused whole (413) before any field is read —
      // unless the path was refused first (404 before reading): either answer is right then.
      // Under the limit, never 413.
      const bytes =
        c.body === undefined
          ? 0
          : typeof c.body === 'string'
            ? Buffer.byteLength(c.body)
            : c.body.byteLength;
      const limit = bodyLimitOf(`${options.handler.method} ${options.handler.path}`);
      const problem =
        bytes > limit
          ? judge(answer, c.expect) &&
            judge(answer, { invalid: true, statuses: [413], code: 'payload_too_large' })
          : answer.status === 413
            ? `413 for a ${bytes}-byte body (limit ${limit})`
            : judge(answer, c.expect);
      if (problem) {
        // A malformed path is refused before the body is read: its features do not matter.
        const features =
          c.label.startsWith('path:') && c.label !== 'path:random-uuid'
            ? []
            : payloadFeatures(c.body);
        const key = `[${phase}] ${c.label} → ${problem.replace(/\d+ ms/g, '… ms')}${features.length ? ` · payload has ${features.join(', ')}` : ''}`;
        const size = (c.body?.length ?? 0) + path.length;
        const known = report.problems.get(key);
        const example = {
          path: `${options.handler.method} ${path}`,
          ...(c.body === undefined ? {} : { body: c.body }),
          status: answer.status,
          response: answer.failure ?? answer.text.slice(0, 300),
          size,
        };
        if (!known) report.problems.set(key, { count: 1, example });
        else {
          known.count += 1;
          if (size < known.example.size) known.example = example;
        }
      }
      // Every failure is collected (and reported below with its smallest example) rather than
      // stopping at the first: one run shows every distinct bug of the route.
      return true;
    }),
    { numRuns: RUNS, seed: options.seed },
  );
  return report;
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(before)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map(
      (key) =>
        `[invalid] the data changed (${key}): before ${JSON.stringify(before[key]).slice(0, 300)} — after ${JSON.stringify(after[key]).slice(0, 300)}`,
    );
}

function describe(report: RouteReport): string[] {
  const lines: string[] = [];
  for (const phase of ['invalid', 'mixed'] as const) {
    for (const [key, { count, example }] of report.phases[phase].problems) {
      lines.push(
        `${key} (${count}×; seed ${report.seed}) — e.g. ${example.path} body ${preview(example.body)} → ${example.status} ${example.response}`,
      );
    }
  }
  return [...lines, ...report.notes];
}

function summary(report: RouteReport): string {
  const statuses = (phase: PhaseReport) =>
    [...phase.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
  const problems = describe(report).length;
  return `${problems ? '✗' : '✓'} ${report.key.padEnd(52)} ${report.seconds.toFixed(1).padStart(5)}s  invalid[${statuses(report.phases.invalid)}]  mixed[${statuses(report.phases.mixed)}]  slowest ${Math.max(report.phases.invalid.slowest, report.phases.mixed.slowest)} ms${problems ? `  ${problems} problem(s)` : ''}`;
}

function writeHandlers(): RouteHandler[] {
  return apiRouteHandlers().filter((h) => WRITE_METHODS.has(h.method));
}

// ---------------------------------------------------------------------------------------------

test('every write route under app/api/v1 has a fuzz entry', () => {
  expect(Object.keys(ROUTES).sort()).toEqual(
    writeHandlers()
      .map((h) => `${h.method} ${h.path}`)
      .sort(),
  );
});

test('every write route answers fuzzed payloads with a well-formed 4xx and changes nothing when it refuses', async () => {
  test.setTimeout(600_000);
  const world = await buildWorld();
  const handlers = new Map(writeHandlers().map((h) => [`${h.method} ${h.path}`, h]));
  const reports: RouteReport[] = [];

  const runLane = async (lane: Lane, baseUrl: string) => {
    for (const [key, make] of Object.entries(ROUTES)) {
      const spec = make(world);
      if (spec.lane !== lane) continue;
      if (spec.nothingToFuzz) {
        console.log(`- ${key}: nothing to fuzz (${spec.nothingToFuzz})`);
        continue;
      }
      const handler = handlers.get(key)!;
      const started = Date.now();
      const seed = seedOf(key);
      const options = {
        handler,
        params: spec.params,
        token: world.owner.token,
        cookie: spec.session?.(world),
        baseUrl,
        seed,
      };
      const seen: Body[] = [];
      await settleJobs(world);
      const before = await SNAPSHOTS[lane](world);
      const invalid = await runPhase('invalid', invalidCases(spec, handler), options, seen);
      const after = await SNAPSHOTS[lane](world);
      const notes = [...diff(before, after), ...((await spec.afterInvalid?.(world, seen)) ?? [])];
      const mixed = await runPhase(
        'mixed',
        mixedCases(spec, handler),
        { ...options, seed: seed + 1 },
        [],
      );
      const report: RouteReport = {
        key,
        seed,
        instance: baseUrl,
        seconds: (Date.now() - started) / 1000,
        phases: { invalid, mixed },
        notes,
      };
      reports.push(report);
      console.log(summary(report));
    }
  };
  const started = Date.now();
  await Promise.all(
    LANES.map((lane, i) => runLane(lane, i % 2 ? SECOND_INSTANCE : FIRST_INSTANCE)),
  );
  console.log(
    `fuzzed ${reports.length} write routes, ${reports.reduce((n, r) => n + r.phases.invalid.runs + r.phases.mixed.runs, 0)} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  await Promise.all(
    [world.owner, world.reviewer, world.editor, world.viewer, world.outsider].map((m) =>
      m.api.dispose(),
    ),
  );

  reports.sort((a, b) => a.key.localeCompare(b.key));
  if (process.env.FUZZ_REPORT) {
    // The whole report, full payloads included: FUZZ_REPORT=/tmp/fuzz.json npm test -- e2e …
    writeFileSync(
      process.env.FUZZ_REPORT,
      JSON.stringify(
        reports.map((r) => ({
          ...r,
          phases: Object.fromEntries(
            Object.entries(r.phases).map(([phase, p]) => [
              phase,
              {
                ...p,
                statuses: Object.fromEntries(p.statuses),
                problems: [...p.problems].map(([key, problem]) => ({
                  key,
                  ...problem,
                  example: {
                    ...problem.example,
                    body:
                      problem.example.body instanceof Uint8Array
                        ? `bytes:${Buffer.from(problem.example.body).toString('hex')}`
                        : problem.example.body,
                  },
                })),
              },
            ]),
          ),
        })),
        null,
        2,
      ),
    );
  }
  for (const report of reports) {
    expect.soft(describe(report), `${report.key} (seed ${report.seed})`).toEqual([]);
  }
});

test('a long run of letters (no e-mail address in it) is imported within a few seconds', async () => {
  // Pasted text without spaces (a URL-encoded blob, a base64 image, a table flattened by a
  // copy-paste) is a valid import up to 3 million characters; the answer must not take
  // minutes, nor block the instance for everyone else meanwhile.
  test.setTimeout(120_000);
  const owner = await createMember('Fuzz Lettres');
  const teamId = await newTeam(owner, 'Fuzz lettres');
  const body = json({ teamId, text: `Début. ${'a'.repeat(120_000)}`, language: 'fr' });
  const answer = await send({
    baseUrl: SECOND_INSTANCE,
    method: 'POST',
    path: '/api/v1/articles',
    token: owner.token,
    body,
  });
  expect(
    judge(answer, { invalid: false }),
    `POST /api/v1/articles with a 120 000-letter word → ${answer.status} in ${answer.ms} ms`,
  ).toBeNull();
  // Above the request path's budget (20,000 characters): a worker imports it.
  expect(answer.status).toBe(202);
  const { job } = JSON.parse(answer.text) as { job: { id: string } };
  let status = 'queued';
  for (let i = 0; i < 240 && status !== 'succeeded' && status !== 'failed'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const read = await owner.api.get(`/api/v1/jobs/${job.id}`);
    status = ((await read.json()) as { job: { status: string } }).job.status;
  }
  await owner.api.dispose();
  expect(status).toBe('succeeded');
});

// ---------------------------------------------------------------------------------------------
// Query strings, path segments and headers of every route, reads included
//
// Every GET route gets READ_RUNS requests per property, with a fixed seed per route:
// - "invalid": one query parameter the route reads set to a value its schema refuses, to a NUL
//   or a huge string, or given twice (`?q=a&q=b`); a header it reads (Last-Event-ID) out of
//   range; a fuzzed path segment (`.`/`..` percent-encoded included): every answer is a 4xx in
//   the API's error shape, within a few seconds — never a 500, a redirect or a dead stream;
// - "mixed": plausible and odd values, unknown parameters and hostile headers (X-Forwarded-For,
//   Cookie, Origin, X-Request-Id, Idempotency-Key…): never a 5xx, errors in the API's shape.
// The write routes' path segments are fuzzed above (they read no query parameter).

const READ_RUNS = 200;
/** An article above the request path's budget (20,000 characters) is imported by a worker. */
const JOB_TEXT = `${SEED_TEXT}\n\n`.repeat(9);

interface ReadWorld {
  owner: Member;
  teamId: string;
  articleId: string;
  sentenceId: string;
  jobId: string;
  invitationToken: string;
  memberIds: string[];
  /** An archived source of the team (its copy is a read too). */
  snapshotId: string;
}

async function buildReadWorld(): Promise<ReadWorld> {
  const [owner, reviewer, elsewhere] = await Promise.all([
    createMember('Fuzz Lectrice'),
    createMember('Fuzz Relecteur'),
    createMember('Fuzz Ailleurs'),
  ]);
  const teamId = await newTeam(owner, 'Fuzz lectures');
  await join(owner, teamId, reviewer, 'reviewer');
  const articleId = await newArticle(owner, teamId);
  const [sentence] = await checkable(owner, articleId);
  await submitted(reviewer, sentence!.id, 'true');
  const { job } = await ok<{ job: { id: string } }>(
    await owner.api.post('/api/v1/articles', {
      data: { teamId, text: JOB_TEXT, language: 'fr', title: 'Fuzz long' },
    }),
  );
  // Finished before the reads start: its article's creation must not look like a read's write.
  for (let i = 0; ; i++) {
    const { job: now } = await ok<{ job: { status: string } }>(
      await owner.api.get(`/api/v1/jobs/${job.id}`),
    );
    if (now.status === 'succeeded' || now.status === 'failed') break;
    if (i > 480) throw new Error(`job ${job.id} still ${now.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const otherTeam = await newTeam(elsewhere, 'Fuzz autre');
  const { token } = await ok<{ token: string }>(
    await elsewhere.api.post(`/api/v1/teams/${otherTeam}/invitations`, {
      data: { role: 'viewer' },
    }),
  );
  await Promise.all([reviewer, elsewhere].flatMap((m) => [m.api.dispose(), m.session.dispose()]));
  // What the archive's worker stores for a cited source (fetching is tested elsewhere).
  const snapshotId = randomUUID();
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO source_snapshots (id, team_id, url, status, content_type, sha256, size, body, fetched_at)
       VALUES ($1, $2, $3, 'archived', 'text/plain', $4, 2, $5, now())`,
      [
        snapshotId,
        teamId,
        `https://www.example.org/${snapshotId}`,
        '0'.repeat(64),
        Buffer.from('ok'),
      ],
    );
  } finally {
    await db.end();
  }
  return {
    owner,
    teamId,
    articleId,
    sentenceId: sentence!.id,
    jobId: job.id,
    invitationToken: token,
    memberIds: [owner.id, reviewer.id],
    snapshotId,
  };
}

const REPORT_FORMATS_NO_PDF = ['markdown', 'csv', 'json', 'claimreview', 'html'];
const DOWNLOAD = query.enumOf(['0', '1']);

const READ_ROUTES: Record<string, (w: ReadWorld) => ReadFuzz> = {
  'GET /api/v1/articles': () => ({ params: {} }),
  'GET /api/v1/articles/{id}': (w) => ({ params: { id: w.articleId } }),
  'GET /api/v1/articles/{id}/agreement': (w) => ({ params: { id: w.articleId } }),
  'GET /api/v1/articles/{id}/annotations': (w) => ({
    params: { id: w.articleId },
    query: { format: query.enumOf(['factdesk', 'w3c']) },
  }),
  'GET /api/v1/articles/{id}/events': (w) => ({
    params: { id: w.articleId },
    headers: { 'Last-Event-ID': LAST_EVENT_ID },
  }),
  'GET /api/v1/articles/{id}/report': (w) => ({
    params: { id: w.articleId },
    // `pdf` is a valid format too, but it queues a render job: left out of the valid values.
    query: {
      format: query.enumOf([...REPORT_FORMATS_NO_PDF, 'pdf'], REPORT_FORMATS_NO_PDF),
      download: DOWNLOAD,
    },
  }),
  'GET /api/v1/articles/{id}/revisions': (w) => ({ params: { id: w.articleId } }),
  'GET /api/v1/articles/{id}/publication': (w) => ({ params: { id: w.articleId } }),
  'GET /api/v1/snapshots/{id}/copy': (w) => ({ params: { id: w.snapshotId } }),
  'GET /api/v1/articles/{id}/sentence-states': (w) => ({ params: { id: w.articleId } }),
  'GET /api/v1/invitations/{token}': (w) => ({
    params: { token: w.invitationToken },
    pathStatuses: [410, 404], // 404: a dot segment (..%2F) is no path of the API
  }),
  'GET /api/v1/jobs/{id}': (w) => ({ params: { id: w.jobId } }),
  'GET /api/v1/jobs/{id}/events': (w) => ({
    params: { id: w.jobId },
    headers: { 'Last-Event-ID': LAST_EVENT_ID },
  }),
  'GET /api/v1/jobs/{id}/result': (w) => ({ params: { id: w.jobId } }),
  'GET /api/v1/me/queue': () => ({ params: {} }),
  'GET /api/v1/me/sessions': () => ({ params: {} }),
  'GET /api/v1/openapi.json': () => ({ params: {} }),
  'GET /api/v1/search': (w) => ({
    params: {},
    query: {
      q: query.text(500),
      teamId: query.uuid([w.teamId]),
      rating: query.enumOf(RATINGS),
      state: query.enumOf(['unchecked', 'in_review', 'disputed', 'approved']),
      reviewer: query.uuid(w.memberIds),
      from: query.date(),
      to: query.date(),
      page: query.int(1, 100),
    },
  }),
  'GET /api/v1/claims/search': () => ({
    params: {},
    query: { q: query.text(500), lang: query.enumOf(['fr', 'en']) },
  }),
  'GET /api/v1/sentences/{id}': (w) => ({ params: { id: w.sentenceId } }),
  'GET /api/v1/sentences/{id}/comments': (w) => ({ params: { id: w.sentenceId } }),
  'GET /api/v1/sentences/{id}/history': (w) => ({ params: { id: w.sentenceId } }),
  'GET /api/v1/sentences/{id}/matches': (w) => ({ params: { id: w.sentenceId } }),
  'GET /api/v1/articles/{id}/matches': (w) => ({
    params: { id: w.articleId },
    query: { sentences: query.uuid([w.sentenceId]) },
  }),
  'GET /api/v1/teams/{id}/fact-check-feeds': (w) => ({ params: { id: w.teamId } }),
  'GET /api/v1/teams/{id}/fact-check-publishers': (w) => ({ params: { id: w.teamId } }),
  'GET /api/v1/teams': () => ({ params: {} }),
  'GET /api/v1/teams/{id}/audit': (w) => ({
    params: { id: w.teamId },
    query: { before: query.bigintId() },
  }),
  'GET /api/v1/teams/{id}/invitations': (w) => ({ params: { id: w.teamId } }),
  'GET /api/v1/teams/{id}/members': (w) => ({ params: { id: w.teamId } }),
  'GET /api/v1/teams/{id}/report': (w) => ({
    params: { id: w.teamId },
    query: {
      format: query.enumOf(['markdown', 'csv', 'json', 'claimreview']),
      from: query.date(),
      to: query.date(),
      rating: query.enumOf(RATINGS),
      // Members' ids only: any other (random) id is a well-formed 422.
      reviewer: query.uuid(w.memberIds),
      download: DOWNLOAD,
    },
  }),
  'GET /api/v1/tokens': () => ({ params: {} }),
};

test('every GET route under app/api/v1 has a query and header fuzz entry', () => {
  expect(Object.keys(READ_ROUTES).sort()).toEqual(
    apiRouteHandlers()
      .filter((h) => h.method === 'GET')
      .map((h) => `${h.method} ${h.path}`)
      .sort(),
  );
});

test('every GET route answers fuzzed query strings, path segments and headers with a well-formed answer, and reads change nothing', async () => {
  test.setTimeout(600_000);
  const world = await buildReadWorld();
  const journal = async () => {
    const { events } = await ok<{ events: { id: string }[] }>(
      await world.owner.api.get(`/api/v1/teams/${world.teamId}/audit`),
    );
    return events[0]?.id ?? null;
  };
  const before = await journal();
  const problems = new Map<string, { count: number; example: string; size: number }>();
  const statuses = new Map<string, Map<number, number>>();
  const keys = Object.keys(READ_ROUTES);
  const runRoute = async (key: string, baseUrl: string) => {
    const spec = READ_ROUTES[key]!(world);
    const template = key.slice('GET '.length);
    const counts = new Map<number, number>();
    statuses.set(key, counts);
    for (const [phase, arb, seed] of [
      ['invalid', readInvalidCases(spec, template), seedOf(`${key} query`)],
      ['mixed', readMixedCases(spec), seedOf(`${key} query`) + 1],
    ] as const) {
      if (!arb) continue;
      await fc.assert(
        fc.asyncProperty(arb, async (c) => {
          const path = `${urlOf(template, spec.params, c.path)}${queryString(c.query)}`;
          const answer = await send({
            baseUrl,
            method: 'GET',
            path,
            token: world.owner.token,
            headers: c.headers,
          });
          counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
          const problem = judge(answer, c.expect);
          if (problem) {
            const id = `[${phase}] ${key} ${c.label} → ${problem.replace(/\d+ ms/g, '… ms')}`;
            const example = `GET ${path.slice(0, 300)} headers ${preview(JSON.stringify(c.headers), 200)} → ${answer.status} ${answer.failure ?? answer.text.slice(0, 200)}`;
            const size = path.length + JSON.stringify(c.headers).length;
            const known = problems.get(id);
            if (!known) problems.set(id, { count: 1, example, size });
            else {
              known.count += 1;
              if (size < known.size) Object.assign(known, { example, size });
            }
          }
          return true;
        }),
        { numRuns: READ_RUNS, seed },
      );
    }
  };
  // Four routes at a time, on both instances.
  for (let i = 0; i < keys.length; i += 4) {
    await Promise.all(
      keys.slice(i, i + 4).map((key, j) => runRoute(key, j % 2 ? SECOND_INSTANCE : FIRST_INSTANCE)),
    );
  }
  for (const key of keys) {
    const counts = [...(statuses.get(key) ?? new Map<number, number>()).entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(`${key.padEnd(48)} ${counts}`);
  }
  expect(await journal(), 'a read wrote to the team journal').toBe(before);
  await Promise.all([world.owner.api.dispose(), world.owner.session.dispose()]);
  expect(
    [...problems].map(([id, { count, example }]) => `${id} (${count}×) — e.g. ${example}`),
  ).toEqual([]);
});
