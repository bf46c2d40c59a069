// The end-to-end suite's second app instance: the web server alone (scripts/serve.ts) on the same database and
// build as the first (which `npm start`'s script migrates, seeds and builds). It waits until
// the first instance has a build, then serves on the given port until SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/schema-engine';

const port = process.argv[2];
const buildId = path.join(ROOT, '.next', 'BUILD_ID');

async function main() {
  if (!port || !process.env.DATABASE_URL || !process.env.NEXTAUTH_SECRET) {
    throw new Error('usage: DATABASE_URL=… NEXTAUTH_SECRET=… e2e-second-instance.ts <port>');
  }
  for (let i = 0; !existsSync(buildId); i++) {
    if (i > 2400) throw new Error('no build appeared within 4 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts'), port],
    { cwd: ROOT, env: process.env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.kill('SIGTERM'));
  }
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
