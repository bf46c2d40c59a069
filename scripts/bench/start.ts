// Start-up and build times:
//  - start.first_200_ms: with the build present, from spawning `node --import tsx
//    scripts/start.ts` (the bench database as DATABASE_URL, SEED_DEMO=0, its own PORT and data
//    folder) to the first 200 on /sign-in; median of 3, each stopped (SIGTERM to its process
//    group) before the next;
//  - build.cold_ms: a cold `next build` after deleting .next — only with --cold-build.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { markBuilt, sourceHash } from '../lib/build-state';
import { findFreePort } from '../lib/embedded-db';
import { ROOT } from '../lib/schema-engine';
import type { BenchContext } from './context';
import { record } from './results';
import { ensureBuild, NEXT_BIN, onCleanUp, runNode, stopGroup, waitForHttp } from './server';
import { median } from './stats';

const RUNS = 3;

export async function measureStart(ctx: BenchContext, dataDir: string): Promise<void> {
  // start.ts would rebuild if someone changed the sources meanwhile: that is not a start time.
  if (await ensureBuild(ctx.log)) ctx.log('sources changed during the run: rebuilt first');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const port = await findFreePort(3500);
    const dir = path.join(dataDir, `start-${i}`);
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: ctx.databaseUrl,
        SEED_DEMO: '0',
        PORT: String(port),
        NEXTAUTH_SECRET: ctx.app.secret,
        NEXTAUTH_URL: `http://localhost:${port}`,
        FACTDESK_DATA_DIR: dir,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
      detached: true,
    });
    onCleanUp(`npm start #${i + 1}`, () => stopGroup(child, 15_000));
    try {
      await waitForHttp(`http://127.0.0.1:${port}/sign-in`, 120_000, 25);
      times.push(performance.now() - started);
    } finally {
      await stopGroup(child, 15_000);
    }
  }
  record({
    name: 'start.first_200_ms',
    unit: 'ms',
    value: median(times),
    target: 15_000,
    details: { runs: times },
  });
}

/** Deletes .next and times `next build`; returns the milliseconds. */
export async function coldBuild(log: (line: string) => void): Promise<number> {
  log('WARNING: --cold-build deletes .next (anything serving from it now will break)');
  rmSync(path.join(ROOT, '.next'), { recursive: true, force: true });
  const hash = sourceHash();
  const started = performance.now();
  await runNode([NEXT_BIN, 'build'], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  const ms = performance.now() - started;
  markBuilt(hash);
  return ms;
}
