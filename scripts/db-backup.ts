// `npm run db:backup [-- FILE]`: a consistent backup of FactDesk's database (scripts/lib/backup.ts)
// into FILE, by default backups/factdesk-<UTC time>.fdbackup.gz. Works on DATABASE_URL or on the
// embedded PostgreSQL — the one `npm start` is running, or started for the backup when it is not.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  BackupError,
  backupDatabase,
  errorMessage,
  withBackupDatabase,
  printRowCounts,
} from './lib/backup';
import { ROOT } from './lib/schema-engine';

const log = (line: string) => console.log(`[backup] ${line}`);

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

function defaultFile(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(ROOT, 'backups', `factdesk-${stamp}.fdbackup.gz`);
}

async function main() {
  const argument = process.argv[2];
  // npm runs scripts from the project root; a relative FILE means the caller's folder.
  const file = argument
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), argument)
    : defaultFile();
  if (existsSync(file)) throw new BackupError(`${file} already exists: not overwriting it.`);
  mkdirSync(path.dirname(file), { recursive: true });

  await withBackupDatabase(
    async (target) => {
      log(`database: ${target.description}`);
      const result = await backupDatabase(target.url, file);
      const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), file);
      const shown = relative.startsWith('..') ? file : relative;
      log(
        `wrote ${shown} (${formatBytes(result.bytes)}) in ${(result.durationMs / 1000).toFixed(2)} s — PostgreSQL ${result.header.postgresVersion}, ${result.header.migrations.length} migrations, ${result.header.sequences.length} sequences`,
      );
      printRowCounts(result.rows);
    },
    { create: false },
  );
}

// Exit when done: a pool that the migration tooling leaves open would keep the process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[backup] failed: ${errorMessage(error)}`);
    process.exit(1);
  },
);
