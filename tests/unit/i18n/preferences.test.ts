// The account's language and time zone as PATCH /api/v1/me reads them (lib/validations/account):
// a known IANA zone (links and `UTC` included) with its case corrected, anything else refused.
import { describe, expect, it } from 'vitest';
import { normaliseTimeZone, updateAccountSchema } from '@/lib/validations/account';

describe('normaliseTimeZone', () => {
  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['europe/paris', 'Europe/Paris'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['UTC', 'UTC'],
    ['Pacific/Noumea', 'Pacific/Noumea'],
    ['Africa/Dakar', 'Africa/Dakar'],
    // A link keeps the name given, whatever the runtime resolves it to.
    ['America/Montreal', 'America/Montreal'],
  ])('%s → %s', (zone, expected) => {
    expect(normaliseTimeZone(zone)).toBe(expected);
  });

  it.each(['Mars/Olympus', 'Europe/Pariss', 'Paris', '', 'Europe/Paris; DROP'])(
    'refuses %j',
    (zone) => {
      expect(normaliseTimeZone(zone)).toBeNull();
    },
  );
});

describe('updateAccountSchema', () => {
  it('keeps absent fields absent, trims, and lets null forget a choice', () => {
    expect(updateAccountSchema.parse({})).toEqual({});
    expect(updateAccountSchema.parse({ name: '  Ana  ', timeZone: ' europe/paris ' })).toEqual({
      name: 'Ana',
      timeZone: 'Europe/Paris',
    });
    expect(updateAccountSchema.parse({ locale: null, timeZone: null })).toEqual({
      locale: null,
      timeZone: null,
    });
  });

  it.each([
    { locale: 'de' },
    { locale: 'FR' },
    { locale: '' },
    { timeZone: 'Mars/Olympus' },
    { timeZone: 'x'.repeat(65) },
    { timeZone: 42 },
    { name: '   ' },
    { name: 'x'.repeat(121) },
  ])('refuses %j', (input) => {
    expect(updateAccountSchema.safeParse(input).success).toBe(false);
  });
});
