import { describe, expect, it } from 'vitest';
import { formatterFor, isoInZone } from '@/lib/i18n/format';
import { localeOf, translatorFor } from '@/lib/i18n/translator';

describe('isoInZone', () => {
  it.each([
    ['2026-12-02T14:05:09.123Z', 'America/Montreal', '2026-12-02T09:05:09.123-05:00'],
    ['2026-07-02T14:05:09Z', 'America/Montreal', '2026-07-02T10:05:09-04:00'],
    ['2026-07-02T14:05:09Z', 'Europe/Paris', '2026-07-02T16:05:09+02:00'],
    ['2026-07-02T14:05:09Z', 'UTC', '2026-07-02T14:05:09Z'],
    ['2026-07-02T14:05:09Z', 'Asia/Kolkata', '2026-07-02T19:35:09+05:30'],
    ['2026-12-31T23:30:00Z', 'Pacific/Noumea', '2027-01-01T10:30:00+11:00'],
  ])('%s in %s is %s, the same instant', (instant, zone, expected) => {
    const written = isoInZone(instant, zone);
    expect(written).toBe(expected);
    expect(new Date(written).getTime()).toBe(new Date(instant).getTime());
  });
});

describe('formatterFor', () => {
  const instant = new Date('2026-12-02T14:05:00Z');
  it('writes a moment in the reader’s language and zone', () => {
    expect(formatterFor({ locale: 'fr', timeZone: 'Europe/Paris' }).dateTime(instant, 'time')).toBe(
      '15:05',
    );
    expect(
      formatterFor({ locale: 'en', timeZone: 'America/Montreal' }).dateTime(instant, 'time'),
    ).toBe('9:05 AM');
    expect(formatterFor({ locale: 'fr', timeZone: 'UTC' }).dateTime(instant, 'date')).toBe(
      '2 décembre 2026',
    );
  });
});

describe('translatorFor', () => {
  it('reads the same catalogue as the pages, with ICU values', () => {
    expect(translatorFor('fr')('labels.sentenceState.unchecked')).toBe('À vérifier');
    expect(translatorFor('en')('labels.sentenceState.unchecked')).toBe('To check');
  });
  it.each([
    ['en-CA', 'en'],
    ['fr_CA', 'fr'],
    ['de', 'fr'],
    [null, 'fr'],
  ])('localeOf(%s) is %s', (tag, locale) => expect(localeOf(tag)).toBe(locale));
});
