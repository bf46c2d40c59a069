// The benchmark's HTTP client: undici keep-alive pools (lighter than fetch, so the client side
// adds little to what is measured), timings per request (headers, first body byte, last byte)
// and the next-auth sign-in (CSRF token, then the credentials callback) that yields the session
// cookie a browser would hold. `onChunk` sees the body as it arrives (event streams).
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export const SESSION_COOKIE = 'next-auth.session-token';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** From the call to the last body byte. */
  ms: number;
  /** From the call to the response headers. */
  headersMs: number;
  /** From the call to the first body chunk (the total for an empty body). */
  firstByteMs: number;
}

export interface RequestOptions {
  cookie?: string;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Each body chunk as it arrives, with the milliseconds since the call. */
  onChunk?: (chunk: Buffer, ms: number) => void;
}

export class Http {
  readonly origin: string;
  private readonly pool: Pool;

  constructor(origin: string, connections = 128) {
    this.origin = origin;
    this.pool = new Pool(origin, {
      connections,
      keepAliveTimeout: 30_000,
      headersTimeout: 120_000,
      bodyTimeout: 120_000,
    });
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    const start = performance.now();
    const response = await this.pool.request({
      path,
      method: method as 'GET',
      headers,
      body,
    });
    const headersMs = performance.now() - start;
    const chunks: Buffer[] = [];
    let firstByteMs: number | undefined;
    for await (const chunk of response.body) {
      const at = performance.now() - start;
      firstByteMs ??= at;
      chunks.push(chunk as Buffer);
      options.onChunk?.(chunk as Buffer, at);
    }
    const ms = performance.now() - start;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: Buffer.concat(chunks),
      ms,
      headersMs,
      firstByteMs: firstByteMs ?? ms,
    };
  }

  /** A JSON call that must answer `expected`; returns the parsed body. */
  async json<T>(
    method: string,
    path: string,
    options: RequestOptions & { expected?: number } = {},
  ): Promise<T> {
    const response = await this.request(method, path, options);
    const expected = options.expected ?? 200;
    if (response.status !== expected) {
      throw new Error(
        `${method} ${path} answered ${response.status} (expected ${expected}): ${response.body
          .toString('utf8')
          .slice(0, 300)}`,
      );
    }
    return JSON.parse(response.body.toString('utf8')) as T;
  }

  /** Closes the pool; a request still open after 5 s (an event stream) is cut. */
  async close(): Promise<void> {
    const closed = this.pool.close().then(() => 'closed' as const);
    const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 5000).unref());
    if ((await Promise.race([closed, late])) === 'late') {
      closed.catch(() => {});
      await this.pool.destroy();
    }
  }
}

function setCookies(response: HttpResponse): Map<string, string> {
  const raw = response.headers['set-cookie'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const cookies = new Map<string, string>();
  for (const line of list) {
    const pair = line.split(';')[0];
    const eq = pair.indexOf('=');
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return cookies;
}

/** Signs in through next-auth's credentials flow and returns the `Cookie` header value. */
export async function signIn(http: Http, email: string, password: string): Promise<string> {
  const csrf = await http.request('GET', '/api/auth/csrf');
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body.toString('utf8')) as { csrfToken: string };
  const jar = setCookies(csrf);
  const login = await http.request('POST', '/api/auth/callback/credentials', {
    cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    form: { csrfToken, email, password, json: 'true' },
  });
  const session = setCookies(login).get(SESSION_COOKIE);
  if (login.status !== 200 || !session) {
    throw new Error(`sign-in of ${email} failed (${login.status})`);
  }
  return `${SESSION_COOKIE}=${session}`;
}
