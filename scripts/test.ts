// `npm test`: type-check, lint, formatting, unit tests, integration tests on a real PostgreSQL and
// end-to-end tests in Chromium — stopping at the first failing step.
// One throwaway embedded PostgreSQL serves both database suites (separate databases), unless
// TEST_DATABASE_URL (integration) / E2E_DATABASE_URL (end-to-end) point elsewhere.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isBuildCurrent, markBuilt, sourceHash } from './lib/build-state';
import { findChromium } from './lib/chromium';
import { findFreePort, startEmbeddedDb, type EmbeddedDb } from './lib/embedded-db';
import { ROOT } from './lib/schema-engine';

const log = (line: string) => console.log(`\n[test] ${line}`);
const bin = (pkg: string, file: string) => path.join(ROOT, 'node_modules', pkg, file);

function run(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  log(label);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let db: EmbeddedDb | undefined;
let tmp: string | undefined;

async function cleanUp(): Promise<void> {
  const current = db;
  db = undefined;
  if (current) await current.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
}

// Ctrl-C reaches the runners through the terminal's process group; the throwaway database and
// its folder are ours to remove.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main() {
  const only = process.argv[2]; // optional: static | unit | integration | e2e | faults
  const wants = (step: string) => !only || only === step;
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  try {
    await run('prisma generate', [bin('prisma', 'build/index.js'), 'generate', '--no-hints'], {
      ...env,
      PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
    });
    if (wants('static')) {
      await run('type-check (tsc)', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.']);
      await run('lint (eslint)', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
      await run('format (prettier --check)', [bin('prettier', 'bin/prettier.cjs'), '--check', '.']);
    }
    if (wants('unit')) {
      await run('unit tests (vitest)', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'unit']);
    }

    const needsDb =
      (wants('integration') && !env.TEST_DATABASE_URL) || (wants('e2e') && !env.E2E_DATABASE_URL);
    if (needsDb) {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'factdesk-test-'));
      log('starting a throwaway embedded PostgreSQL');
      db = await startEmbeddedDb({ dataDir: tmp, database: 'factdesk_admin' });
    }

    if (wants('integration')) {
      const url = env.TEST_DATABASE_URL ?? (await createDatabase(db!.url, 'factdesk_it'));
      await run(
        'integration tests (vitest, real PostgreSQL)',
        [bin('vitest', 'vitest.mjs'), 'run', '--project', 'integration'],
        {
          ...env,
          TEST_DATABASE_URL: url,
        },
      );
    }

    const executable =
      wants('e2e') || wants('faults') ? findChromium((line) => log(line)) : undefined;
    if (wants('e2e') || wants('faults')) {
      const hash = sourceHash();
      if (!isBuildCurrent(hash)) {
        await run('next build', [bin('next', 'dist/bin/next'), 'build'], {
          ...env,
          NODE_ENV: 'production',
        });
        markBuilt(hash);
      }
    }
    if (wants('e2e')) {
      const url = env.E2E_DATABASE_URL ?? (await createDatabase(db!.url, 'factdesk_e2e'));
      // Two app instances (playwright.config.ts): this port and the next one, one shared secret.
      let port = await findFreePort(3100);
      while ((await findFreePort(port + 1)) !== port + 1) port = await findFreePort(port + 2);
      await run(
        'end-to-end tests (Playwright, Chromium)',
        // `npm test -- e2e <files or playwright options>` narrows the run (without running the
        // whole of the projects the chosen ones wait for: playwright.config.ts, `alone`).
        [
          bin('@playwright/test', 'cli.js'),
          'test',
          ...(only === 'e2e' && process.argv.length > 3
            ? ['--no-deps', ...process.argv.slice(3)]
            : []),
        ],
        {
          ...env,
          E2E_DATABASE_URL: url,
          E2E_PORT: String(port),
          NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
          E2E_DATA_DIR: tmp ?? mkdtempSync(path.join(os.tmpdir(), 'factdesk-e2e-')),
          ...(executable ? { PLAYWRIGHT_CHROMIUM_EXECUTABLE: executable } : {}),
        },
      );
    }
    if (wants('faults')) {
      await run(
        'fault tests (crash and database outage, Playwright)',
        [bin('@playwright/test', 'cli.js'), 'test', '-c', 'playwright.faults.config.ts'],
        { ...env, ...(executable ? { PLAYWRIGHT_CHROMIUM_EXECUTABLE: executable } : {}) },
      );
    }
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(`\n[test] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
