// Dates and numbers on pages go through one formatter (lib/i18n/format.ts via next-intl), in the
// reader's language and the account's time zone: a page with its own `new Intl.DateTimeFormat
// ('fr-FR', …)` showed Paris time in French to everyone, and one without a zone showed the
// browser's time beside the server's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['app', 'components'];
const FORBIDDEN: [RegExp, string][] = [
  [
    /new Intl\.(DateTimeFormat|NumberFormat|RelativeTimeFormat|PluralRules)\(/,
    'own Intl formatter',
  ],
  [/\.toLocale(Date|Time)?String\(/, 'toLocale*String'],
  [/['"]fr-FR['"]/, 'hard-coded locale'],
  [/['"]Europe\/Paris['"]/, 'hard-coded time zone'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** `file:line: what` for every forbidden formatting call outside comments. */
function ownFormatters(root: string): string[] {
  return files(root).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        return FORBIDDEN.filter(([pattern]) => pattern.test(code)).map(
          ([, what]) => `${file}:${index + 1}: ${what}`,
        );
      }),
  );
}

describe('formatting', () => {
  it.each(ROOTS)('no page or component in %s/ formats dates or numbers itself', (root) => {
    expect(ownFormatters(root)).toEqual([]);
  });
  it('the scan finds a formatter of its own', () => {
    const line = "const DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' });";
    expect(FORBIDDEN.filter(([pattern]) => pattern.test(line)).map(([, what]) => what)).toEqual([
      'own Intl formatter',
      'hard-coded locale',
      'hard-coded time zone',
    ]);
  });
});
