// Integration tests run against a real PostgreSQL: TEST_DATABASE_URL when given (npm test
// passes its throwaway database), else an embedded instance started here for this run.
// Migrations are applied the way `npm start` applies them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDb } from '../../scripts/lib/embedded-db';
import { applyMigrations } from '../../scripts/lib/schema-engine';

export default async function setup() {
  let stop: (() => Promise<void>) | undefined;
  let url = process.env.TEST_DATABASE_URL;
  let dir: string | undefined;
  if (!url) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'factdesk-it-'));
    const db = await startEmbeddedDb({ dataDir: dir, database: 'factdesk_it' });
    url = db.url;
    stop = db.stop;
  }
  await applyMigrations(url);
  // Workers are started after this and inherit the environment.
  process.env.DATABASE_URL = url;
  process.env.TEST_DATABASE_URL = url;
  return async () => {
    if (stop) await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
