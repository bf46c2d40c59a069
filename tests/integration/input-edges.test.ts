// (Here for the server-only stub; no database needed.) Inputs the fuzzer (e2e/security/fuzz.spec.ts) found reaching PostgreSQL and failing there with
// a 500: each is now refused up front with a 4xx and a French message.
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/server/errors';
import { readJson, readOptionalJson } from '@/lib/api/respond';
import { httpUrlSchema, isoDateSchema, isHttpUrl } from '@/lib/validations/common';
import { updateCommentSchema } from '@/lib/validations/comment';
import { createAnnotationSchema } from '@/lib/validations/annotation';

const post = (body: string) => new Request('http://localhost/x', { method: 'POST', body });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('request bodies PostgreSQL could not store', () => {
  it.each([
    ['a NUL in a value', '{"note":"a\\u0000b"}', 'note'],
    ['a lone high surrogate', '{"body":"x\\ud800"}', 'body'],
    ['a lone low surrogate, deep', '{"sources":[{"title":"\\udc00y"}]}', 'sources[0].title'],
    ['a NUL in a key', '{"a\\u0000":1}', '(clé)'],
  ])('%s is a 422 naming where', async (_, body, where) => {
    const error = await refusal(readJson(post(body)));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(where);
  });

  it('keeps proper surrogate pairs (emoji) and other control-free text', async () => {
    await expect(readJson(post('{"note":"😀 \\ud83d\\ude00 é"}'))).resolves.toEqual({
      note: '😀 😀 é',
    });
  });

  it('applies to optional bodies too, and still reads an empty one as {}', async () => {
    expect((await refusal(readOptionalJson(post('{"reason":"\\u0000"}')))).code).toBe(
      'validation_failed',
    );
    await expect(readOptionalJson(post('  '))).resolves.toEqual({});
  });

  it('still answers broken JSON with invalid_json', async () => {
    expect((await refusal(readJson(post('{')))).code).toBe('invalid_json');
  });
});

describe('values beyond what the columns hold', () => {
  it('refuses a version beyond a PostgreSQL integer', () => {
    expect(updateCommentSchema.safeParse({ body: 'x', version: 2_147_483_647 }).success).toBe(true);
    expect(updateCommentSchema.safeParse({ body: 'x', version: 2_147_483_648 }).success).toBe(
      false,
    );
  });

  it('refuses selector offsets beyond a PostgreSQL integer', () => {
    const selector = (end: number) => ({
      selector: [
        { type: 'TextQuoteSelector', exact: 'Pacte' },
        { type: 'TextPositionSelector', start: 0, end },
      ],
    });
    expect(createAnnotationSchema.safeParse(selector(5)).success).toBe(true);
    expect(createAnnotationSchema.safeParse(selector(4_294_967_296)).success).toBe(false);
  });

  it('refuses the year 0000, which PostgreSQL does not have', () => {
    expect(isoDateSchema.safeParse('0001-01-01').success).toBe(true);
    expect(isoDateSchema.safeParse('0000-01-01').success).toBe(false);
  });
});

describe('source addresses', () => {
  it.each(['http:example.org', 'https:/example.org', 'javascript:alert(1)', 'data:text/html,x'])(
    'refuses %s',
    (url) => {
      expect(isHttpUrl(url)).toBe(false);
      expect(httpUrlSchema.safeParse(url).success).toBe(false);
    },
  );

  it('keeps ordinary http(s) addresses, whatever the case of the scheme', () => {
    expect(isHttpUrl('https://example.org/a?b=1')).toBe(true);
    expect(isHttpUrl('HTTP://example.org')).toBe(true);
  });
});
