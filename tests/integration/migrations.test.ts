import { mkdtempSync, cpSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema, MIGRATIONS_DIR } from '../../scripts/lib/schema-engine';

const url = () => process.env.TEST_DATABASE_URL!;

describe('migrations', () => {
  it('schema.prisma and the committed migrations agree (no drift)', async () => {
    expect(await diffMigrationsToSchema(url())).toBe('');
  });

  it('the drift check notices a migration that lags behind the schema', async () => {
    // Same check on a copy of the migrations with the last column of `sources` dropped.
    const copy = mkdtempSync(path.join(os.tmpdir(), 'factdesk-drift-'));
    try {
      cpSync(MIGRATIONS_DIR, copy, { recursive: true });
      const first = readdirSync(copy)
        .filter((name) => !name.endsWith('.toml'))
        .sort()[0]!;
      const file = path.join(copy, first, 'migration.sql');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/,\n\s+"excerpt" TEXT,/, ','));
      const sql = await diffMigrationsToSchema(url(), copy);
      expect(sql).toMatch(/ALTER TABLE "sources" ADD COLUMN\s+"excerpt"/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('records applied migrations in _prisma_migrations like `prisma migrate deploy`', async () => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    const { rows } = await client.query<{
      migration_name: string;
      finished_at: Date | null;
      checksum: string;
    }>(
      'SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name',
    );
    await client.end();
    const committed = readdirSync(MIGRATIONS_DIR)
      .filter((name) => !name.endsWith('.toml'))
      .sort();
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('the database itself refuses rows that break the rules', async () => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      await expect(
        client.query(
          `INSERT INTO sources (id, verdict_id, position, url) VALUES (gen_random_uuid(), gen_random_uuid(), 0, 'javascript:alert(1)')`,
        ),
      ).rejects.toThrow(/sources_url_http/);
      await expect(
        client.query(
          `INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), 'UP@x.test', 'A', 'h')`,
        ),
      ).rejects.toThrow(/users_email_lowercase/);
    } finally {
      await client.end();
    }
  });
});
