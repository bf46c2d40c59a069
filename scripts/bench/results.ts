// What the benchmark reports: one row per metric, printed as a table and written to
// bench/results/latest.json as [{name, unit, value, baseline, ratio, target, pass}] (baseline
// and ratio are null for absolute targets; a ratio target applies to `ratio`). The machine goes
// to bench/results/machine.json, per-metric evidence (sample summaries, notes) to
// bench/results/details.tmp (git-ignored).
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib/schema-engine';
import { round } from './stats';

export interface Result {
  name: string;
  unit: string;
  value: number | null;
  baseline: number | null;
  ratio: number | null;
  target: number | null;
  pass: boolean | null;
}

/** How a metric compares to its target: at most (latency, size) or at least (streamed = 1). */
export type Direction = 'max' | 'min';

export interface Metric {
  name: string;
  unit: string;
  value: number | null;
  baseline?: number | null;
  target?: number | null;
  direction?: Direction;
  details?: unknown;
}

export interface Recorded {
  result: Result;
  details: unknown;
}

const recorded: Recorded[] = [];

export function record(metric: Metric): Result {
  const baseline = metric.baseline ?? null;
  const value = metric.value === null ? null : round(metric.value);
  const ratio =
    metric.value !== null && baseline !== null && baseline > 0
      ? round(metric.value / baseline)
      : null;
  const target = metric.target ?? null;
  const compared = baseline !== null ? ratio : value;
  const pass =
    target === null || compared === null
      ? null
      : (metric.direction ?? 'max') === 'max'
        ? compared <= target
        : compared >= target;
  const result: Result = {
    name: metric.name,
    unit: metric.unit,
    value,
    baseline: baseline === null ? null : round(baseline),
    ratio,
    target,
    pass,
  };
  recorded.push({ result, details: metric.details ?? null });
  return result;
}

export function allResults(): Result[] {
  return recorded.map((r) => r.result);
}

function show(value: number | boolean | null): string {
  return value === null ? '—' : String(value);
}

export function printTable(log: (line: string) => void): void {
  const rows = recorded.map(({ result: r }) => [
    r.name,
    show(r.value),
    r.unit,
    show(r.baseline),
    show(r.ratio),
    r.target === null ? '—' : `${r.baseline !== null ? 'ratio ' : ''}${r.target}`,
    r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const header = ['metric', 'value', 'unit', 'baseline', 'ratio', 'target', 'pass'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  log(line(header));
  log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

export function writeResults(dir: string, machine: Machine): void {
  writeAtomically(path.join(dir, 'latest.json'), `${JSON.stringify(allResults(), null, 2)}\n`);
  writeAtomically(path.join(dir, 'machine.json'), `${JSON.stringify(machine, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'details.tmp'),
    `${JSON.stringify(
      recorded.map((r) => ({ ...r.result, details: r.details })),
      null,
      2,
    )}\n`,
  );
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  commit: string | null;
  chromium: string | null;
  postgres: string | null;
  /** 1-minute load average when the run started and ended: other work on the machine skews results. */
  loadAverage: { start: number | null; end: number };
}

export function describeMachine(
  chromium: string | null,
  postgres: string | null,
  loadAtStart: number | null = null,
): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpu = match[1].trim();
  } catch {
    /* not Linux */
  }
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    commit,
    chromium,
    postgres,
    loadAverage: { start: loadAtStart, end: Math.round(os.loadavg()[0] * 100) / 100 },
  };
}
