// The query-string and header schemas shared by the API and the pages (lib/validations/query.ts),
// and the blank-quote rule of highlights: table-driven, hostile values first.
import { describe, expect, it } from 'vitest';
import { isBlankQuote } from '@/lib/validations/annotation';
import {
  articlePageQuerySchema,
  authPageQuerySchema,
  bigintIdText,
  lastEventIdSchema,
  queryOf,
  queryText,
  sameSitePathSchema,
} from '@/lib/validations/query';
import { searchQuerySchema } from '@/lib/validations/search';
import { auditQuerySchema } from '@/lib/validations/audit';

describe('queryOf', () => {
  it('keeps a parameter given once as a string, twice as an array', () => {
    expect({ ...queryOf('http://x/?a=1&b=2&b=3&c=') }).toEqual({ a: '1', b: ['2', '3'], c: '' });
    expect({ ...queryOf(new URLSearchParams('q=%00')) }).toEqual({ q: '\u0000' });
  });

  it('takes `__proto__` as a key like any other', () => {
    const query = queryOf('http://x/?__proto__=1&constructor=2');
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(query.__proto__).toBe('1');
    expect(query.constructor).toBe('2');
  });
});

describe('query schemas', () => {
  it.each([
    ['a NUL', '\u0000', false],
    ['a NUL inside', 'loi\u0000', false],
    ['a lone high surrogate', 'a\ud800', false],
    ['a lone low surrogate', '\udc00b', false],
    ['a pair', '😀', true],
    ['U+FFFD', '\ufffd', true],
    ['501 characters', 'x'.repeat(501), false],
    ['500 characters and spaces', ` ${'x'.repeat(500)} `, true],
  ])('free text: %s', (_, value, ok) => {
    expect(queryText(500).safeParse(value).success).toBe(ok);
  });

  it.each([
    ['1', 1n],
    ['9223372036854775807', 9223372036854775807n],
    ['9223372036854775808', null],
    ['99999999999999999999', null],
    ['0', null],
    ['-1', null],
    ['01', null],
    ['1e3', null],
    ['0x10', null],
    [' 1', null],
    ['1.0', null],
  ])('bigint id (cursor) %s', (value, expected) => {
    const parsed = bigintIdText(1).safeParse(value);
    expect(parsed.success ? parsed.data : null).toBe(expected);
  });

  it('Last-Event-ID: 0 and nothing are fine, an empty header is nothing', () => {
    expect(lastEventIdSchema.parse(undefined)).toBeUndefined();
    expect(lastEventIdSchema.parse('')).toBeUndefined();
    expect(lastEventIdSchema.parse('0')).toBe(0n);
    expect(lastEventIdSchema.safeParse('9223372036854775808').success).toBe(false);
  });

  it.each([
    ['search q twice', searchQuerySchema, { q: ['a', 'b'] }],
    ['search page beyond 100', searchQuerySchema, { page: '101' }],
    ['search page 1e1', searchQuerySchema, { page: '1e1' }],
    ['search page 0x10', searchQuerySchema, { page: '0x10' }],
    ['audit before twice', auditQuerySchema, { before: ['1', '2'] }],
    ['audit before beyond bigint', auditQuerySchema, { before: '9223372036854775808' }],
  ])('refuses %s', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });

  it('reads an empty parameter as not given', () => {
    expect(searchQuerySchema.parse({ q: '', page: '', rating: '' })).toEqual({ q: '' });
    expect(auditQuerySchema.parse({ before: '' })).toEqual({});
    expect(searchQuerySchema.parse({ page: '100' }).page).toBe(100);
  });
});

describe('page queries', () => {
  it.each([
    ['/teams/1?x=2', '/teams/1?x=2'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['/x\u0000', '/'],
    ['/x\r\nSet-Cookie: a=b', '/'],
    [['/a', '/b'], '/'],
    [undefined, '/'],
    [`/${'a'.repeat(3000)}`, '/'],
  ])('callbackUrl %j → %s', (value, expected) => {
    expect(sameSitePathSchema.parse(value)).toBe(expected);
    expect(authPageQuerySchema.parse({ callbackUrl: value }).callbackUrl).toBe(expected);
  });

  it('reads created=1 and nothing else as the sign-up notice', () => {
    expect(authPageQuerySchema.parse({ created: '1' }).created).toBe('1');
    expect(authPageQuerySchema.parse({ created: ['1', '1'] }).created).toBeUndefined();
    expect(authPageQuerySchema.parse({ created: 'yes' }).created).toBeUndefined();
  });

  it('opens a sentence only for a uuid', () => {
    const id = '0b6f1c52-3b0e-4a5e-9a51-6a2f0e1d2c3b';
    expect(articlePageQuerySchema.parse({ sentence: id }).sentence).toBe(id);
    for (const sentence of [['a', 'b'], '\u0000', 'x', undefined]) {
      expect(articlePageQuerySchema.parse({ sentence }).sentence).toBeUndefined();
    }
  });
});

describe('isBlankQuote', () => {
  it.each([
    ['', true],
    [' ', true],
    ['\n\t\r', true],
    ['\u00a0\u2003\u3000', true],
    ['\u200b\u200c\u200d\u2060\ufeff', true],
    ['\u200e\u202e', true],
    ['\u0000\u0007', true],
    ['a', false],
    [' a ', false],
    ['é', false],
    ['\u0301', false],
    ['😀', false],
    ['.', false],
  ])('%j → %s', (value, blank) => {
    expect(isBlankQuote(value)).toBe(blank);
  });
});
