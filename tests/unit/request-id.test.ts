import { describe, expect, it } from 'vitest';
import { requestIdFrom, validRequestId } from '@/lib/api/request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it.each([
    ['a UUID', '3f2b8c1e-8d4a-4c57-9a0e-1f2d3c4b5a69'],
    ['letters, digits and . _ : -', 'lb-01:req_42.7'],
    ['one character', 'x'],
    ['128 characters', 'a'.repeat(128)],
  ])('keeps %s', (_label, id) => {
    expect(validRequestId(id)).toBe(id);
    expect(requestIdFrom(id)).toBe(id);
  });

  it.each([
    ['no header', null],
    ['undefined', undefined],
    ['an empty value', ''],
    ['129 characters', 'a'.repeat(129)],
    ['a space', 'abc def'],
    ['a line break (a forged log line)', 'abc\n{"msg":"request"}'],
    ['quotes and braces', '"}{'],
    ['a slash', 'a/b'],
    ['non-ASCII letters', 'requête'],
    ['a NUL character', 'abc\u0000'],
  ])('replaces %s with a new UUID', (_label, id) => {
    expect(validRequestId(id)).toBeNull();
    expect(requestIdFrom(id)).toMatch(UUID);
  });

  it('makes a different id each time', () => {
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});
