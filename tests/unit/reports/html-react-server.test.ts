// The PDF worker runs with `--conditions=react-server` (for `server-only`), where
// `react-dom/server` resolves to a stub that throws and `react` to its server build: the HTML
// report it prints must still render, and be the same document as anywhere else.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toHtmlReport } from '@/lib/reports';
import { benchReport } from '@/scripts/bench/html-render';

const run = promisify(execFile);

describe('the HTML report under the react-server condition', () => {
  it('renders the same document as in a plain Node process', async () => {
    const script = path.join('tests', 'unit', 'reports', 'fixtures', 'print-html-report.ts');
    const { stdout } = await run(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', script, '4'],
      { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(stdout).toBe(toHtmlReport(benchReport(4)));
  }, 30_000);
});
