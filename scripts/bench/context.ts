// What every measurement module receives from the orchestrator (scripts/bench/run.ts).
import type pg from 'pg';
import type { Http } from './http';
import type { BenchData } from './seed';
import type { AppServer, WorkerProcess } from './server';

export interface BenchContext {
  http: Http;
  /** An admin connection for seeding and checks (never used inside a measured loop). */
  db: pg.Client;
  databaseUrl: string;
  /** The embedded PostgreSQL's folder (its data and postmaster.pid under pg/). */
  databaseDir: string;
  app: AppServer;
  /** The job-queue worker beside the app (imports, corrections, W3C imports, PDF renders). */
  worker: WorkerProcess;
  data: BenchData;
  log: (line: string) => void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
