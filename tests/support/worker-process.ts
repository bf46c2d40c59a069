// A real worker process (scripts/worker.ts) for the integration tests: spawned on the test
// database, stopped with a signal of the test's choosing (SIGTERM, or SIGKILL to crash it).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { prisma } from '@/lib/db';
import type { JobStatus } from '@/generated/prisma/client';

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'worker.ts')],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: process.env.TEST_DATABASE_URL!,
        WORKER_RECOVER_INTERVAL_MS: '500',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: WorkerProcess = {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('"worker ready"')) {
        clearTimeout(timer);
        resolve(handle);
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`worker exited:\n${output}`));
      } else setTimeout(check, 50);
    };
    check();
  });
}

/** Polls the job row until `until` holds (or fails after `timeoutMs`). */
export async function waitForJob(
  jobId: string,
  until: (job: { status: JobStatus; progress: number }) => boolean = (job) =>
    job.status === 'succeeded' || job.status === 'failed',
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    if (until(job)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${job.status} (${job.progress})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A French article of `count` sentences, each with a figure and a date (deterministic). */
export function longArticle(count: number): string {
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin'];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      `Le ministère a annoncé ${(i * 37) % 1000} millions d’euros pour la région ${i} le ${(i % 28) + 1} ${months[i % 6]} 2024.`,
    );
    if (i % 10 === 9) lines.push('\n\n');
  }
  return lines.join(' ');
}
