// How many SQL statements one API call sends (each is a network round trip, and on a machine
// where a syscall costs ~0.4 ms that is most of a write's time): PostgreSQL's own statement log
// (log_statement = 'all', switched on only for this section) is read from the embedded server's
// output while one request of each kind runs alone, and compared with the raw-pg baseline of
// writes.ts (BEGIN + 6 statements + COMMIT for either write). The admin connection's statements
// and the job-queue worker's (its polls and sweeps, told apart by application_name) are left out.
import type pg from 'pg';
import type { BenchContext } from './context';
import { sleep } from './context';
import { WORKER_APPLICATION_NAME } from './server';
import { planHighlight } from './highlights';
import { record } from './results';
import { mulberry32 } from './rng';

/** Collects the embedded PostgreSQL's log output while capturing. */
export class StatementLog {
  private chunks: string[] = [];
  private capturing = false;

  readonly sink = (message: unknown): void => {
    if (this.capturing) this.chunks.push(String(message));
  };

  async capture(db: pg.Client, work: () => Promise<void>): Promise<string[]> {
    await db.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await db.query(`ALTER SYSTEM SET log_line_prefix = '@@%p@%a@'`);
    await db.query('SELECT pg_reload_conf()');
    await sleep(300);
    const self = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    this.chunks = [];
    this.capturing = true;
    try {
      await work();
      await sleep(300);
    } finally {
      this.capturing = false;
      await db.query('ALTER SYSTEM RESET log_statement');
      await db.query('ALTER SYSTEM RESET log_line_prefix');
      await db.query('SELECT pg_reload_conf()');
    }
    return this.chunks
      .join('')
      .split('@@')
      .map((entry) => /^(\d+)@([^@\n]*)@([\s\S]*)$/.exec(entry))
      .filter(
        (match): match is RegExpExecArray =>
          match !== null && Number(match[1]) !== self && match[2] !== WORKER_APPLICATION_NAME,
      )
      .map((match) => match[3])
      .filter((entry) => /^LOG:\s+(statement: |execute )/.test(entry))
      .map((entry) => entry.replace(/^LOG:\s+(statement: |execute [^:]*: )/, '').trim());
  }
}

const RAW_WRITE_STATEMENTS = 8;

export async function measureStatementCounts(ctx: BenchContext, log: StatementLog): Promise<void> {
  const { http, data } = ctx;
  const cookie = data.owner.cookie;
  const planned = planHighlight(mulberry32(99), data.writes.text, data.writes.units);
  const unit = data.writes.sentences[data.writes.sentences.length - 1];
  const calls: { name: string; baseline: number | null; run: () => Promise<number> }[] = [
    {
      name: 'queries.annotation_post',
      baseline: RAW_WRITE_STATEMENTS,
      run: async () =>
        (
          await http.request('POST', `/api/v1/articles/${data.writes.id}/annotations`, {
            cookie,
            json: { selector: planned.selector, note: null },
          })
        ).status,
    },
    {
      name: 'queries.verdict_put',
      baseline: RAW_WRITE_STATEMENTS,
      run: async () =>
        (
          await http.request('PUT', `/api/v1/sentences/${unit.id}/verdict`, {
            cookie,
            json: { rating: 'misleading', rationale: 'Mesure du nombre de requêtes.' },
          })
        ).status,
    },
    {
      name: 'queries.article_get',
      baseline: null,
      run: async () =>
        (await http.request('GET', `/api/v1/articles/${data.big.id}`, { cookie })).status,
    },
    {
      name: 'queries.annotations_get',
      baseline: null,
      run: async () =>
        (await http.request('GET', `/api/v1/articles/${data.big.id}/annotations`, { cookie }))
          .status,
    },
  ];
  for (const call of calls) {
    let status = 0;
    const statements = await log.capture(ctx.db, async () => {
      status = await call.run();
    });
    if (status < 200 || status >= 300) throw new Error(`${call.name}: HTTP ${status}`);
    record({
      name: call.name,
      unit: 'statements',
      value: statements.length,
      baseline: call.baseline,
      details: {
        statements: statements.map((s) =>
          s
            .replace(/"public"\./g, '')
            .replace(/\s+/g, ' ')
            .slice(0, 160),
        ),
      },
    });
  }
}
