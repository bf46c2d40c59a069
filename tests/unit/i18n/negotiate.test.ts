// Which language a request gets: the account's preference, else the switch's cookie, else the
// best Accept-Language match in the browser's order of preference, else French.
import { describe, expect, it } from 'vitest';
import { localeDirection } from '@/lib/i18n/locales';
import { chooseLocale, type LocaleSources } from '@/lib/i18n/negotiate';

const CASES: [string, LocaleSources, 'fr' | 'en'][] = [
  ['nothing at all', {}, 'fr'],
  ['the account’s preference', { userLocale: 'en' }, 'en'],
  [
    'the account wins over the cookie and the browser',
    { userLocale: 'fr', cookieLocale: 'en', acceptLanguage: 'en-US,en;q=0.9' },
    'fr',
  ],
  ['the cookie, signed out', { cookieLocale: 'en', acceptLanguage: 'fr-FR' }, 'en'],
  [
    'an unknown stored locale is ignored',
    { userLocale: 'de', cookieLocale: 'xx', acceptLanguage: 'en' },
    'en',
  ],
  ['a regional tag falls back to its language', { acceptLanguage: 'en-GB' }, 'en'],
  ['Chromium’s French', { acceptLanguage: 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7' }, 'fr'],
  ['Chromium’s English', { acceptLanguage: 'en-US,en;q=0.9' }, 'en'],
  ['Canadian French', { acceptLanguage: 'fr-CA' }, 'fr'],
  // "best fit" matching answered French here: the user's first choice must win.
  ['q-values order, not exactness', { acceptLanguage: 'en-GB;q=0.5, fr;q=0.4' }, 'en'],
  ['q-values out of order in the header', { acceptLanguage: 'fr;q=0.2, en;q=0.8' }, 'en'],
  ['an unsupported first choice is skipped', { acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' }, 'en'],
  ['no supported language', { acceptLanguage: 'de-DE,de;q=0.9' }, 'fr'],
  ['q=0 refuses a language', { acceptLanguage: 'fr;q=0, en;q=0.1' }, 'en'],
  ['the wildcard', { acceptLanguage: '*' }, 'fr'],
  ['case does not matter', { acceptLanguage: 'EN' }, 'en'],
  ['garbage before a real tag', { acceptLanguage: 'en_US, !!!, en' }, 'en'],
  ['garbage only', { acceptLanguage: ';;;,q=1' }, 'fr'],
  ['an empty header', { acceptLanguage: '' }, 'fr'],
];

describe('chooseLocale', () => {
  it.each(CASES)('%s', (_label, sources, expected) => {
    expect(chooseLocale(sources)).toBe(expected);
  });
});

describe('localeDirection', () => {
  it.each([
    ['fr', 'ltr'],
    ['en-GB', 'ltr'],
    ['ar', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa_IR', 'rtl'],
  ])('%s is %s', (locale, direction) => {
    expect(localeDirection(locale)).toBe(direction);
  });
});
