// Memory and CPU time of a process and everything it spawned, from /proc (Linux): resident set
// (VmRSS) and its high-water mark (VmHWM) summed over the process tree — `next start` and its
// next-server, the worker and the Chromium it launches for PDF reports (Playwright starts
// Chromium in a process group of its own, so a process group would miss it) — and the CPU
// seconds the trees of the app's processes used over a stretch of time (sampled, see
// startCpuMeter).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './context';

export interface GroupMemory {
  rssMb: number;
  peakMb: number;
  processes: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime of the process itself, in ticks. */
  cpuTicks: number;
}

function readStat(pid: string): Stat {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces and parentheses).
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // state ppid pgrp … utime stime: fields 3, 4, 5, …, 14 and 15 of stat.
  return { pid: Number(pid), ppid: Number(rest[1]), cpuTicks: Number(rest[11]) + Number(rest[12]) };
}

function allStats(): Stat[] | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const stats: Stat[] = [];
  for (const pid of entries) {
    try {
      stats.push(readStat(pid));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return stats;
}

/** The processes of the tree rooted at `root` (itself included) among `stats`. */
function treeOf(stats: readonly Stat[], root: number): Stat[] {
  const children = new Map<number, Stat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const found = stats.filter((stat) => stat.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i].pid) ?? []));
  return found;
}

function tree(root: number): Stat[] | null {
  const stats = allStats();
  return stats && treeOf(stats, root);
}

function field(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

export function treeMemory(root: number): GroupMemory | null {
  const processes = tree(root);
  if (!processes) return null;
  const memory: GroupMemory = { rssMb: 0, peakMb: 0, processes: 0 };
  for (const { pid } of processes) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      memory.rssMb += field(status, 'VmRSS');
      memory.peakMb += field(status, 'VmHWM');
      memory.processes += 1;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return memory.processes > 0 ? memory : null;
}

/** The embedded PostgreSQL's postmaster (first line of postmaster.pid in its folder). */
function postmasterPid(pgDir: string): number | null {
  try {
    return Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

export interface CpuMeter {
  /** Stops the meter: the CPU seconds each of web, worker and PostgreSQL used meanwhile. */
  stop(): Record<string, number | null>;
}

/**
 * Counts the CPU time of the web server, the worker (Chromium included) and PostgreSQL
 * (postmaster and backends) from now on. Each process's own time is sampled every `everyMs`
 * and summed per process (a process that ends loses its last interval): the children's times
 * a parent collects when it reaps them would count twice, or — when the reaper is outside the
 * tree (Chromium's helpers are reparented) — make the total go backwards.
 */
export function startCpuMeter(ctx: BenchContext, everyMs = 500): CpuMeter {
  const postmaster = postmasterPid(path.join(ctx.databaseDir, 'pg'));
  const roots: Record<string, number | null> = {
    webS: ctx.app.child.pid ?? null,
    workerS: ctx.worker.child.pid ?? null,
    postgresS: postmaster,
  };
  const first = new Map<string, Map<number, number>>();
  const last = new Map<string, Map<number, number>>();
  let initial = true;
  const sample = () => {
    const stats = allStats();
    if (!stats) return;
    for (const [name, root] of Object.entries(roots)) {
      if (root === null) continue;
      const seen = first.get(name) ?? new Map<number, number>();
      const now = last.get(name) ?? new Map<number, number>();
      for (const stat of treeOf(stats, root)) {
        // Born after the start: all of its time is in the stretch.
        if (!seen.has(stat.pid)) seen.set(stat.pid, initial ? stat.cpuTicks : 0);
        now.set(stat.pid, stat.cpuTicks);
      }
      first.set(name, seen);
      last.set(name, now);
    }
    initial = false;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref(); // a meter left running after a failure must not keep the bench alive
  return {
    stop() {
      sample();
      clearInterval(timer);
      return Object.fromEntries(
        Object.keys(roots).map((name) => {
          const seen = first.get(name);
          const now = last.get(name);
          if (!seen || !now) return [name, null];
          let ticks = 0;
          for (const [pid, value] of now) ticks += value - (seen.get(pid) ?? 0);
          return [name, Math.round((ticks / TICKS_PER_SECOND) * 100) / 100];
        }),
      );
    },
  };
}
