// The API's messages follow the caller's language: the token owner's preference (users.locale),
// else Accept-Language, else French; the `code` never changes. Real route handlers, real
// getCurrentUser (a real token, read from the request's headers), real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

import { GET as articleRoute } from '@/app/api/v1/articles/[id]/route';
import { POST as teamsRoute } from '@/app/api/v1/teams/route';
import { errorResponse } from '@/lib/api/respond';
import { prisma } from '@/lib/db';
import { runInLocale } from '@/lib/i18n/request-locale';
import { parseAnnotationCollection } from '@/lib/reports';
import { readSource } from '@/lib/server/import/read-source';
import { serializeJob, type JobRow } from '@/lib/server/jobs/serialize-job';
import { createToken } from '@/lib/server/tokens/create-token';
import { makeUser } from './fixtures';

const BASE = 'https://factdesk.example';

async function tokenFor(locale: string | null): Promise<string> {
  const user = await makeUser();
  await prisma.user.update({ where: { id: user.id }, data: { locale } });
  const { token } = await createToken({
    userId: user.id,
    input: { name: 'script', expiresInDays: 30 },
  });
  return token;
}

function headersOf(token: string, acceptLanguage?: string): Headers {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (acceptLanguage) headers.set('accept-language', acceptLanguage);
  return headers;
}

async function getArticle(headers: Headers) {
  request.headers = headers;
  const response = await articleRoute(
    new Request(`${BASE}/api/v1/articles/${randomUUID()}`, { headers }),
    {
      params: Promise.resolve({ id: randomUUID() }),
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as { error: Record<string, unknown> },
  };
}

async function postTeam(headers: Headers, body: unknown) {
  const withJson = new Headers(headers);
  withJson.set('content-type', 'application/json');
  request.headers = withJson;
  const response = await teamsRoute(
    new Request(`${BASE}/api/v1/teams`, {
      method: 'POST',
      headers: withJson,
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return {
    status: response.status,
    body: (await response.json()) as { error: Record<string, unknown> },
  };
}

describe('API messages in the caller’s language', () => {
  let english: string;
  let french: string;
  let undecided: string;
  beforeAll(async () => {
    [english, french, undecided] = await Promise.all([
      tokenFor('en'),
      tokenFor('fr'),
      tokenFor(null),
    ]);
  });

  it('answers a token owner who chose English in English (404), code unchanged', async () => {
    const { status, body } = await getArticle(headersOf(english));
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'not_found', message: 'Article not found.' });
  });

  it('answers a zod default issue (wrong type) in English, with its path', async () => {
    const { status, body } = await postTeam(headersOf(english), { name: 12 });
    expect(status).toBe(422);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBe('name: Invalid input: expected string, received number');
    expect(body.error.details).toEqual([
      { path: 'name', message: 'Invalid input: expected string, received number' },
    ]);
  });

  it('answers a schema’s own message in English', async () => {
    const { status, body } = await postTeam(headersOf(english), { name: '   ' });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({
      code: 'validation_failed',
      message: 'name: Name required.',
    });
  });

  it('follows Accept-Language when the account has no preference', async () => {
    expect((await getArticle(headersOf(undecided, 'en-US,en;q=0.8'))).body.error.message).toBe(
      'Article not found.',
    );
    const { body } = await postTeam(headersOf(undecided, 'en'), { name: 12 });
    expect(body.error.message).toBe('name: Invalid input: expected string, received number');
  });

  it('lets the account’s French win over Accept-Language: en', async () => {
    expect((await getArticle(headersOf(french, 'en'))).body.error.message).toBe(
      'Article introuvable.',
    );
    const { body } = await postTeam(headersOf(french, 'en'), { name: '' });
    expect(body.error.message).toBe('name : Nom requis.');
  });

  it('answers in French without any preference or header', async () => {
    expect((await getArticle(headersOf(undecided))).body.error).toEqual({
      code: 'not_found',
      message: 'Article introuvable.',
    });
    const { body } = await postTeam(headersOf(undecided), { name: 12 });
    expect(body.error.message).toMatch(/^name : /);
    expect(body.error.message).not.toMatch(/Invalid input/);
  });

  it('answers a request refused before the caller is known in the header’s language', async () => {
    const headers = new Headers({ authorization: 'Bearer nope', 'accept-language': 'en' });
    const { status, body } = await getArticle(headers);
    expect(status).toBe(401);
    expect(body.error).toEqual({ code: 'unauthenticated', message: 'Sign-in required.' });
  });
});

describe('refusals made below the API, in the caller’s language', () => {
  it('says an import refusal (the fetcher’s, the extractor’s) in English', async () => {
    const refusal = await readSource({ url: 'http://10.0.0.1/page', format: 'text' }).catch(
      (e: unknown) => e,
    );
    const english = (await errorResponse(refusal, 'en').json()) as { error: unknown };
    expect(english.error).toEqual({
      code: 'import_failed',
      message: 'This address points to an internal network: import refused.',
      details: { reason: 'forbidden_host' },
    });
    const french = (await errorResponse(refusal, 'fr').json()) as { error: { message: string } };
    expect(french.error.message).toBe(
      'Cette adresse pointe vers un réseau interne : import refusé.',
    );
    const binary = await readSource({ text: '\u0001\u0002\u0003'.repeat(50), format: 'text' })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(((await errorResponse(binary, 'en').json()) as { error: unknown }).error).toMatchObject({
      code: 'import_failed',
      message: expect.stringMatching(/^This document holds no readable text/),
    });
  });

  it('says a failed job’s error in the language of whoever reads the job', () => {
    const row = {
      id: randomUUID(),
      kind: 'article_import',
      status: 'failed',
      progress: null,
      teamId: randomUUID(),
      articleId: null,
      result: null,
      error: {
        code: 'internal',
        message: 'Le traitement a échoué 3 fois : rien n’a été enregistré.',
        text: { key: 'jobFailedAttempts', values: { count: 3 } },
      },
      attempts: 3,
      createdAt: new Date(),
      startedAt: new Date(),
      finishedAt: new Date(),
    } as unknown as JobRow;
    expect(runInLocale('en', () => serializeJob(row).error)).toEqual({
      code: 'internal',
      message: 'The work failed 3 times: nothing was saved.',
    });
    expect(runInLocale('fr', () => serializeJob(row).error?.message)).toBe(
      'Le traitement a échoué 3 fois : rien n’a été enregistré.',
    );
    // A row written before failures kept their key: its French text, as stored.
    const older = { ...row, error: { code: 'internal', message: 'Ancien message.' } } as JobRow;
    expect(runInLocale('en', () => serializeJob(older).error?.message)).toBe('Ancien message.');
  });
});

describe('an annotation import’s reasons for what it skipped', () => {
  it('are written in the importer’s language', () => {
    const document = [42, { type: 'Annotation', target: { selector: [] } }];
    expect(runInLocale('en', () => parseAnnotationCollection(document).errors)).toEqual([
      'Item 1 skipped: it is not an annotation (a JSON object is expected).',
      expect.stringMatching(/^Item 2 skipped: no usable selector/),
    ]);
    expect(runInLocale('fr', () => parseAnnotationCollection(document).errors)).toEqual([
      'Élément n° 1 ignoré : ce n’est pas une annotation (objet JSON attendu).',
      expect.stringMatching(/^Élément n° 2 ignoré : aucun sélecteur utilisable/),
    ]);
  });
});
