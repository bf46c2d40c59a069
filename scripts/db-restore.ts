// `npm run db:restore -- FILE`: restores a backup made by `npm run db:backup` into the configured
// database (DATABASE_URL, else the embedded PostgreSQL under FACTDESK_DATA_DIR), which must be
// empty: scripts/lib/backup.ts applies the migrations, checks them against the backup and loads
// every row in one transaction.
import path from 'node:path';
import {
  errorMessage,
  readBackupHeader,
  restoreDatabase,
  withBackupDatabase,
  printRowCounts,
} from './lib/backup';

const log = (line: string) => console.log(`[restore] ${line}`);

async function main() {
  const argument = process.argv[2];
  if (!argument) {
    console.error('usage: npm run db:restore -- FILE   (a .fdbackup.gz made by npm run db:backup)');
    process.exit(2);
  }
  // npm runs scripts from the project root; a relative FILE means the caller's folder.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
  const header = await readBackupHeader(file);
  log(
    `${file}: backup of ${header.createdAt} (PostgreSQL ${header.postgresVersion}, ${header.migrations.length} migrations, ${header.tables.length} tables)`,
  );

  await withBackupDatabase(
    async (target) => {
      log(`database: ${target.description}`);
      const result = await restoreDatabase(target.url, file, { log });
      if (result.migrationsApplied.length > 0)
        log(`migrations applied first: ${result.migrationsApplied.join(', ')}`);
      const total = printRowCounts(result.rows);
      log(
        `restored ${total} rows and ${header.sequences.length} sequences in ${(result.durationMs / 1000).toFixed(2)} s. FactDesk can start on it (npm start).`,
      );
    },
    { create: true },
  );
}

// Exit when done: a pool that the migration tooling leaves open would keep the process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[restore] failed: ${errorMessage(error)}`);
    process.exit(1);
  },
);
