// Responses are checked against the schemas the operation registry declares
// (lib/api/respond.ts, FACTDESK_CHECK_RESPONSES=1 for this project): an undeclared field, a
// missing one or an undeclared status answers 500 `response_contract_violated`, so the test that
// touched the route fails. Also the regression of the hand-written document: GET
// /api/v1/sentences/{id} answered five fields it did not declare.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
// listTeams answers what the test says when `extraField` is set (a serializer gone wrong).
const drift = vi.hoisted(() => ({ extraField: false }));
vi.mock('@/lib/server/teams/list-teams', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/server/teams/list-teams')>();
  return {
    ...original,
    listTeams: async (options: { userId: string }) => {
      const teams = await original.listTeams(options);
      return drift.extraField ? teams.map((team) => ({ ...team, secret: 'x' })) : teams;
    },
  };
});
import { signedIn as session } from '../support/signed-in';
import { GET as sentenceRoute } from '@/app/api/v1/sentences/[id]/route';
import { GET as teamsRoute } from '@/app/api/v1/teams/route';
import { findOperation } from '@/lib/api/operations';
import { json, type Operation } from '@/lib/api/operations/shared';
import { checkAgainst } from '@/lib/api/respond';
import { errorDto } from '@/lib/validations/dto/common';
import { sentenceDetailDto } from '@/lib/validations/dto/sentence';
import { makeNewsroom } from './fixtures';

const BASE = 'https://factdesk.example';

describe('checkAgainst (one operation)', () => {
  const operation: Pick<Operation, 'operationId' | 'responses'> = {
    operationId: 'fakeThing',
    responses: {
      '200': json(z.strictObject({ id: z.string(), count: z.int() }), 'the thing'),
      '404': json(errorDto, 'unknown'),
    },
  };

  it('accepts the declared body', async () => {
    expect(await checkAgainst(operation, Response.json({ id: 'a', count: 1 }))).toBeNull();
  });

  it('refuses an undeclared field, naming the operation and the field', async () => {
    const violation = await checkAgainst(
      operation,
      Response.json({ id: 'a', count: 1, leaked: true }),
    );
    expect(violation?.message).toMatch(/fakeThing 200/);
    expect(violation?.message).toMatch(/leaked/);
  });

  it('refuses a missing field', async () => {
    const violation = await checkAgainst(operation, Response.json({ id: 'a' }));
    expect(violation?.issues).toEqual([expect.objectContaining({ path: 'count' })]);
  });

  it('refuses an undeclared status', async () => {
    const violation = await checkAgainst(
      operation,
      Response.json({ error: { code: 'conflict', message: '…' } }, { status: 409 }),
    );
    expect(violation?.message).toMatch(/409/);
  });

  it('does not read streams and files (other media types)', async () => {
    const response = new Response('data: {}\n\n', {
      headers: { 'Content-Type': 'text/event-stream' },
    });
    expect(await checkAgainst(operation, response)).toBeNull();
  });

  it('finds operations by method and path template', () => {
    expect(findOperation('GET', '/api/v1/sentences/abc')?.operationId).toBe('getSentence');
    expect(findOperation('PUT', '/api/v1/sentences/abc/verdict')?.operationId).toBe('setVerdict');
    expect(findOperation('GET', '/api/v1/openapi.json')?.operationId).toBe('getOpenApiDocument');
    expect(findOperation('GET', '/api/v1/openapiXjson')).toBeNull();
    expect(findOperation('DELETE', '/api/v1/sentences/abc')).toBeNull();
  });
});

describe('real routes, checked', () => {
  it('answers 500 response_contract_violated when a body carries an undeclared field', async () => {
    const room = await makeNewsroom();
    session.userId = room.owner.id;
    drift.extraField = true;
    try {
      const response = await teamsRoute(new Request(`${BASE}/api/v1/teams`), {
        params: Promise.resolve({}),
      });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('response_contract_violated');
      expect(body.error.message).toMatch(/listTeams/);
    } finally {
      drift.extraField = false;
    }
    const fine = await teamsRoute(new Request(`${BASE}/api/v1/teams`), {
      params: Promise.resolve({}),
    });
    expect(fine.status).toBe(200);
  });

  it('GET /api/v1/sentences/{id} parses with its declared schema, the five fields included', async () => {
    const room = await makeNewsroom();
    session.userId = room.owner.id;
    const claim = room.sentences.find((s) => s.kind === 'sentence')!;
    const response = await sentenceRoute(new Request(`${BASE}/api/v1/sentences/${claim.id}`), {
      params: Promise.resolve({ id: claim.id }),
    });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    const parsed = sentenceDetailDto.parse(body);
    // What the hand-written document left out (each would fail the strict parse if undeclared).
    expect(parsed.sentence).toEqual(
      expect.objectContaining({
        checkworthiness: expect.any(Number),
        checkworthinessReasons: expect.any(Array),
        retired: false,
      }),
    );
    expect(parsed.summary).toEqual(
      expect.objectContaining({ needsRecheck: false, checkworthiness: expect.any(Number) }),
    );
  });
});
