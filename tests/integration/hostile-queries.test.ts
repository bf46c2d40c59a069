// Hostile query strings and headers sent to the /api/v1 route handlers themselves (the session
// stubbed to a real member), on a real PostgreSQL: a NUL, a number beyond PostgreSQL's bigint, a
// huge string, a parameter given twice (`?q=a&q=b`), an out-of-range Last-Event-ID. Each is
// answered with a 4xx in the API's error shape — never a 500, a dead stream or a silent pick of
// one of two values. Every query parameter and header the OpenAPI document declares for a GET
// route is tried, so a parameter added without a schema shows up here. Path segments like
// `%2e%2e` are the proxy's (tests/unit/api/proxy.test.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { ZodError } from 'zod';
import { prisma } from '@/lib/db';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { openArticleStream } from '@/lib/server/live/open-article-stream';
import { openJobStream } from '@/lib/server/jobs/open-job-stream';
import { searchSentences } from '@/lib/server/search/search-sentences';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { createInvitation } from '@/lib/server/teams/create-invitation';
import { apiRouteHandlers } from '../support/api-routes';
import { makeNewsroom } from './fixtures';
import { pageStrings } from './page-text';

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;
type Parameter = { name: string; in: string };
type Operation = { parameters?: Parameter[] };
type PathItem = { parameters?: Parameter[]; get?: Operation };

const BASE = 'http://localhost:3000';
const V1 = path.join(process.cwd(), 'app', 'api', 'v1');

/** The GET handler of `/api/v1/articles/{id}` (from app/api/v1/articles/[id]/route.ts). */
async function getHandler(urlPath: string): Promise<Handler> {
  const dir = urlPath.replace(/^\/api\/v1\/?/, '').replace(/\{(\w+)\}/g, '[$1]');
  const file = path.join(V1, ...dir.split('/').filter(Boolean), 'route.ts');
  const route = (await import(pathToFileURL(file).href)) as { GET: Handler };
  return route.GET;
}

interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

/** Calls the handler as Next.js would; an event stream is cancelled once its headers are in. */
async function call(
  handler: Handler,
  url: string,
  params: object = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const abort = new AbortController();
  const response = await handler(new Request(url, { headers, signal: abort.signal }), {
    params: Promise.resolve(params),
  });
  const contentType = response.headers.get('content-type') ?? '';
  let body: unknown = null;
  if (contentType.startsWith('text/event-stream')) {
    abort.abort();
    await response.body?.cancel();
  } else {
    const text = await response.text();
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { status: response.status, contentType, body };
}

function expectRefusal(answer: Answer, where: string, statuses: number[] = [400, 422]) {
  expect(answer.status, `${where} → ${answer.status} ${JSON.stringify(answer.body)}`).toBeOneOf(
    statuses,
  );
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } }).error;
  expect(typeof error?.code, where).toBe('string');
  expect(typeof error?.message, where).toBe('string');
}

/** `?name=value` with `value` percent-encoded (a NUL becomes `%00`); an array repeats the key. */
function query(name: string, value: string | string[]): string {
  const params = new URLSearchParams();
  for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  return `?${params.toString()}`;
}

/** What every query parameter must refuse, whatever it holds. */
const HOSTILE_QUERY_VALUES: [string, string | string[]][] = [
  ['a NUL', '\u0000'],
  ['a NUL inside', 'a\u0000b'],
  ['a huge string', 'x'.repeat(20_000)],
  ['the parameter twice', ['a', 'b']],
  ['the parameter twice, same value', ['1', '1']],
];
/** What every header the routes read must refuse (a header cannot hold a NUL). */
const HOSTILE_HEADER_VALUES: [string, string][] = [
  ['beyond bigint', '9223372036854775808'],
  ['far beyond bigint', '9'.repeat(400)],
  ['negative', '-1'],
  ['not a number', 'abc'],
  ['an exponent', '1e3'],
  ['hexadecimal', '0x10'],
  ['a huge string', '1'.repeat(20_000)],
];

let room: Awaited<ReturnType<typeof makeNewsroom>>;
let params: Record<string, string>;

beforeAll(async () => {
  room = await makeNewsroom();
  session.userId = room.owner.id;
  const job = await prisma.job.create({
    data: {
      kind: 'article_import',
      status: 'succeeded',
      progress: 1,
      teamId: room.team.id,
      articleId: room.article.id,
      createdById: room.owner.id,
      input: {},
      result: { articleId: room.article.id },
      finishedAt: new Date(),
    },
    select: { id: true },
  });
  // An archived source (lib/server/sources): its copy is a GET route too.
  const snapshot = await prisma.sourceSnapshot.create({
    data: {
      teamId: room.team.id,
      url: 'https://www.example.org/rapport',
      status: 'archived',
      contentType: 'text/html; charset=utf-8',
      sha256: '0'.repeat(64),
      size: 4,
      body: new Uint8Array(Buffer.from('<p>')),
      fetchedAt: new Date(),
    },
    select: { id: true },
  });
  const invitation = await createInvitation({
    userId: room.owner.id,
    teamId: room.team.id,
    baseUrl: BASE,
    input: { role: 'viewer' },
  });
  params = {
    '/api/v1/articles/{id}': room.article.id,
    '/api/v1/jobs/{id}': job.id,
    '/api/v1/sentences/{id}': room.sentences.find((s) => s.kind === 'sentence')!.id,
    '/api/v1/teams/{id}': room.team.id,
    '/api/v1/invitations/{token}': invitation.token,
    '/api/v1/snapshots/{id}': snapshot.id,
  };
});

/** Real values for the path parameters of `urlPath`. */
function realParams(urlPath: string): { url: string; params: Record<string, string> } {
  const values: Record<string, string> = {};
  const url = urlPath.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
    const prefix = urlPath.slice(0, offset + name.length + 2);
    const value = params[prefix];
    if (!value) throw new Error(`no real value for ${prefix}`);
    values[name] = value;
    return encodeURIComponent(value);
  });
  return { url: `${BASE}${url}`, params: values };
}

const document = buildOpenApiDocument(BASE) as { paths: Record<string, PathItem> };
const getRoutes = apiRouteHandlers()
  .filter((handler) => handler.method === 'GET')
  .map((handler) => handler.path);
const declared = (urlPath: string, where: 'query' | 'header') => {
  const item = document.paths[urlPath];
  return [...(item?.parameters ?? []), ...(item?.get?.parameters ?? [])]
    .filter((parameter) => parameter.in === where)
    .map((parameter) => parameter.name);
};

describe('every query parameter and header of the GET routes', () => {
  it('finds the GET routes on disk', () => {
    expect(getRoutes.length).toBeGreaterThan(15);
    expect(readdirSync(V1)).toContain('search');
  });

  const withQuery = getRoutes.filter((urlPath) => declared(urlPath, 'query').length > 0);
  const withHeaders = getRoutes.filter((urlPath) => declared(urlPath, 'header').length > 0);

  it('are declared where the routes read them', () => {
    expect(withQuery.sort()).toEqual(
      [
        '/api/v1/claims/search',
        '/api/v1/articles/{id}/matches',
        '/api/v1/articles/{id}/annotations',
        '/api/v1/articles/{id}/report',
        '/api/v1/search',
        '/api/v1/teams/{id}/audit',
        '/api/v1/teams/{id}/report',
      ].sort(),
    );
    expect(withHeaders.sort()).toEqual(
      ['/api/v1/articles/{id}/events', '/api/v1/jobs/{id}/events'].sort(),
    );
  });

  it.each(withQuery)('%s refuses hostile values of each query parameter', async (urlPath) => {
    const handler = await getHandler(urlPath);
    const { url, params } = realParams(urlPath);
    for (const name of declared(urlPath, 'query')) {
      for (const [label, value] of HOSTILE_QUERY_VALUES) {
        const answer = await call(handler, `${url}${query(name, value)}`, params);
        expectRefusal(answer, `GET ${urlPath} ?${name}= ${label}`);
      }
    }
  });

  it.each(withHeaders)('%s refuses hostile values of each header', async (urlPath) => {
    const handler = await getHandler(urlPath);
    const { url, params } = realParams(urlPath);
    for (const name of declared(urlPath, 'header')) {
      for (const [label, value] of HOSTILE_HEADER_VALUES) {
        const answer = await call(handler, url, params, { [name]: value });
        expectRefusal(answer, `GET ${urlPath} ${name}: ${label}`, [400]);
      }
    }
  });

  it.each(getRoutes)('%s ignores unknown parameters, however hostile', async (urlPath) => {
    const handler = await getHandler(urlPath);
    const { url, params } = realParams(urlPath);
    const plain = await call(handler, url, params);
    const hostile = await call(
      handler,
      `${url}?zz=%00&zz=${'y'.repeat(5000)}&__proto__=1&constructor=x&toString=%ED%A0%80`,
      params,
    );
    expect(hostile.status, `GET ${urlPath} → ${JSON.stringify(hostile.body)}`).toBe(plain.status);
  });
});

describe('the findings of the penetration test', () => {
  it('search: q=%00 is a 422, not a 500 from PostgreSQL', async () => {
    const search = await getHandler('/api/v1/search');
    const answer = await call(search, `${BASE}/api/v1/search?q=%00`);
    expectRefusal(answer, 'q=%00', [422]);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed' } });
    // The same schema on the service (the search page calls it), lone surrogates included.
    for (const q of ['\u0000', 'loi\u0000', '\ud800', 'a\udc00b']) {
      await expect(searchSentences({ userId: room.owner.id, query: { q } })).rejects.toThrow(
        ZodError,
      );
    }
    // Ordinary text, U+FFFD (what a broken %-encoding decodes to) included, still searches.
    for (const q of ['Pacte', '\ufffd', '9223372036854775808']) {
      const ok = await call(search, `${BASE}/api/v1/search${query('q', q)}`);
      expect(ok.status, q).toBe(200);
    }
  });

  it('search: ?q=a&q=b is refused rather than silently reading one of them', async () => {
    const search = await getHandler('/api/v1/search');
    const answer = await call(search, `${BASE}/api/v1/search?q=Pacte&q=loi`);
    expectRefusal(answer, 'q twice', [422]);
    expect(JSON.stringify(answer.body)).toContain('q');
  });

  it('audit: a `before` beyond PostgreSQL’s bigint is a 422, its largest value a page', async () => {
    const audit = await getHandler('/api/v1/teams/{id}/audit');
    const url = `${BASE}/api/v1/teams/${room.team.id}/audit`;
    const context = { id: room.team.id };
    for (const before of ['9223372036854775808', '99999999999999999999999', '0', '-1', '1e3']) {
      expectRefusal(await call(audit, `${url}?before=${before}`, context), before, [422]);
    }
    const last = await call(audit, `${url}?before=9223372036854775807`, context);
    expect(last.status).toBe(200);
    expect((last.body as { events: unknown[] }).events.length).toBeGreaterThan(0);
    await expect(
      listTeamAudit({
        userId: room.owner.id,
        teamId: room.team.id,
        query: { before: '9223372036854775808' },
      }),
    ).rejects.toThrow(ZodError);
  });

  it('article events: an out-of-range Last-Event-ID is a 400 before the stream, not a dead one', async () => {
    const events = await getHandler('/api/v1/articles/{id}/events');
    const url = `${BASE}/api/v1/articles/${room.article.id}/events`;
    const context = { id: room.article.id };
    const dead = await call(events, url, context, { 'Last-Event-ID': '99999999999999999999' });
    expectRefusal(dead, 'Last-Event-ID beyond bigint', [400]);
    expect(dead.body).toMatchObject({ error: { code: 'bad_request' } });
    // A real id (and none at all) still opens the stream.
    const valid: Record<string, string>[] = [{}, { 'Last-Event-ID': '1' }, { 'Last-Event-ID': '' }];
    for (const headers of valid) {
      const open = await call(events, url, context, headers);
      expect(open.status, JSON.stringify(headers)).toBe(200);
      expect(open.contentType).toMatch(/^text\/event-stream/);
    }
    await expect(
      openArticleStream({
        userId: room.owner.id,
        articleId: room.article.id,
        lastEventId: '9223372036854775808',
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('job events: Last-Event-ID is read with the same schema', async () => {
    const events = await getHandler('/api/v1/jobs/{id}/events');
    const jobId = params['/api/v1/jobs/{id}']!;
    const url = `${BASE}/api/v1/jobs/${jobId}/events`;
    const dead = await call(events, url, { id: jobId }, { 'Last-Event-ID': '-5' });
    expectRefusal(dead, 'Last-Event-ID negative', [400]);
    const open = await call(events, url, { id: jobId }, { 'Last-Event-ID': '12' });
    expect(open.status).toBe(200);
    await expect(
      openJobStream({
        userId: room.owner.id,
        jobId,
        lastEventId: '1'.repeat(30),
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('reports: `download` takes 0 or 1 only', async () => {
    const report = await getHandler('/api/v1/articles/{id}/report');
    const url = `${BASE}/api/v1/articles/${room.article.id}/report`;
    const context = { id: room.article.id };
    expectRefusal(await call(report, `${url}?download=yes`, context), 'download=yes', [422]);
    const inline = await call(report, `${url}?download=0`, context);
    expect(inline.status).toBe(200);
    const team = await getHandler('/api/v1/teams/{id}/report');
    const teamUrl = `${BASE}/api/v1/teams/${room.team.id}/report`;
    expectRefusal(
      await call(team, `${teamUrl}?download=%00`, { id: room.team.id }),
      'download=%00',
      [422],
    );
  });
});

describe('pages reading the same query parameters', () => {
  it('the search page shows a NUL or a repeated parameter as an invalid criterion', async () => {
    const { default: SearchPage } = await import('@/app/(app)/search/page');
    for (const searchParams of [{ q: '\u0000' }, { q: ['Pacte', 'loi'] }, { page: '1e400' }]) {
      const page = await SearchPage({ searchParams: Promise.resolve(searchParams) });
      expect(pageStrings(page), JSON.stringify(searchParams)).toContain('Recherche impossible');
    }
  });

  it('the audit page reads `before` with the API’s schema and shows the first page otherwise', async () => {
    const { default: AuditPage } = await import('@/app/(app)/teams/[id]/audit/page');
    for (const before of ['9223372036854775808', ['1', '2'], '\u0000']) {
      const page = await AuditPage({
        params: Promise.resolve({ id: room.team.id }),
        searchParams: Promise.resolve({ before }),
      });
      const text = pageStrings(page);
      expect(text, JSON.stringify(before)).toContain('Journal de la rédaction');
      expect(text, JSON.stringify(before)).not.toContain('Plus récents'); // the first page
    }
  });
});
