// The database a script works on: DATABASE_URL when set, else the embedded PostgreSQL under
// FACTDESK_DATA_DIR (default .data/), started for the duration of the script.
import path from 'node:path';
import { startEmbeddedDb } from './embedded-db';
import { ROOT } from './schema-engine';

export function dataDir(): string {
  return path.resolve(ROOT, process.env.FACTDESK_DATA_DIR ?? '.data');
}

export async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);
  const db = await startEmbeddedDb({ dataDir: dataDir(), database: 'factdesk' });
  try {
    return await run(db.url);
  } finally {
    await db.stop();
  }
}
