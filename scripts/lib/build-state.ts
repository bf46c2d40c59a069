// Decides whether the production build is missing or stale: a hash of every input of
// `next build` is kept beside the build and compared on start.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './schema-engine';

const INPUT_DIRS = ['app', 'components', 'lib', 'public', 'generated'];
const INPUT_FILES = [
  'package-lock.json',
  'next.config.ts',
  'tsconfig.json',
  'postcss.config.mjs',
  'prisma/schema.prisma',
  'proxy.ts',
];
const STAMP = path.join(ROOT, '.next', 'factdesk-build-hash');

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) walk(path.join(ROOT, dir), files);
  for (const file of INPUT_FILES)
    if (existsSync(path.join(ROOT, file))) files.push(path.join(ROOT, file));
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function isBuildCurrent(hash: string): boolean {
  return (
    existsSync(path.join(ROOT, '.next', 'BUILD_ID')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8').trim() === hash
  );
}

export function markBuilt(hash: string): void {
  writeFileSync(STAMP, hash);
}
