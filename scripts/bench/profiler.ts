// `--profile`: CPU profiles of the server, one per benchmark section. The server runs with
// --inspect on a free local port; around each section the V8 profiler is started and stopped
// over the inspector protocol (a WebSocket), and the profile is written to
// bench/results/profiles.tmp/<section>.cpuprofile (open it in Chrome DevTools → Performance)
// with a plain-text summary beside it (<section>.txt: self time by package and by function).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { WebSocket } from 'undici';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Reply {
  id?: number;
  result?: { profile?: CpuProfile };
  error?: { message: string };
}

export class ServerProfiler {
  private constructor(
    private readonly socket: WebSocket,
    private readonly dir: string,
  ) {}

  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  static async connect(inspectPort: number, dir: string): Promise<ServerProfiler> {
    const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    if (!targets[0]) throw new Error('no inspector target on the server');
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('inspector connection failed')));
    });
    const profiler = new ServerProfiler(socket, dir);
    socket.addEventListener('message', (event) => {
      const reply = JSON.parse(String(event.data)) as Reply;
      if (reply.id !== undefined) profiler.pending.get(reply.id)?.(reply);
    });
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
    return profiler;
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, (reply) => {
        this.pending.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async start(): Promise<void> {
    await this.send('Profiler.start');
  }

  /** Stops profiling and writes `<name>.cpuprofile` and `<name>.txt`. */
  async stop(name: string): Promise<void> {
    const reply = await this.send('Profiler.stop');
    const profile = reply.result?.profile;
    if (!profile) return;
    writeFileSync(path.join(this.dir, `${name}.cpuprofile`), JSON.stringify(profile));
    writeFileSync(path.join(this.dir, `${name}.txt`), summarizeProfile(profile));
  }

  close(): void {
    this.socket.close();
  }
}

/** Where a frame's code comes from: an npm package, a .next server chunk, Node, or native. */
function origin(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const chunk = /\.next\/server\/(.*)$/.exec(url);
  if (chunk) return `.next/server/${chunk[1]}`;
  if (url.startsWith('node:')) return 'node';
  return url;
}

export function summarizeProfile(profile: CpuProfile, top = 40): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const total = [...self.values()].reduce((sum, t) => sum + t, 0);
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)!.callFrame;
    const where = origin(frame.url);
    const name = frame.functionName || '(anonymous)';
    const originKey = frame.url ? where : `${where} ${name}`;
    byOrigin.set(originKey, (byOrigin.get(originKey) ?? 0) + time);
    const fnKey = `${name}  ${where}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    byFunction.set(fnKey, (byFunction.get(fnKey) ?? 0) + time);
  }
  const table = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([key, time]) =>
          `${(time / 1000).toFixed(0).padStart(8)} ms ${((100 * time) / total).toFixed(1).padStart(5)} %  ${key}`,
      )
      .join('\n');
  return [
    `sampled ${(total / 1e6).toFixed(1)} s`,
    '',
    'self time by origin',
    table(byOrigin),
    '',
    'self time by function',
    table(byFunction),
    '',
  ].join('\n');
}
