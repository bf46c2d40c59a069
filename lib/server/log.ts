// The one logger of the server (pino): JSON lines on stdout, one per HTTP request (apiHandler,
// the next-auth routes) and per background job; a request's lines carry its request id
// (proxy.ts gives every request one). No transports and no pretty-printing, which run worker
// threads: a log shipper reads the lines as they are (a person can pipe them to pino-pretty).
// Plain Node, no Next.js imports: the worker script (node --import tsx) logs through it too.
import 'server-only';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/api/request-id';

export type { Logger };

/** LOG_LEVEL when it names a pino level, else `info` (a typo must not stop the server). */
function levelFrom(value: string | undefined): LevelWithSilent {
  const level = value?.trim().toLowerCase() ?? '';
  return level === 'silent' || Object.hasOwn(pino.levels.values, level)
    ? (level as LevelWithSilent)
    : 'info';
}

/** Which process writes: `web` (next start) or `worker` (the job runner sets FACTDESK_PROCESS). */
function processName(value: string | undefined): 'web' | 'worker' {
  return value === 'worker' ? 'worker' : 'web';
}

// Asynchronous writes to stdout (flushed on exit by pino), behind one indirection so a test can
// read the lines (redirectLogs) without a second logger.
let sink: DestinationStream = pino.destination({ sync: false });
const destination: DestinationStream = { write: (line: string) => sink.write(line) };

export const logger: Logger = pino(
  {
    level: levelFrom(process.env.LOG_LEVEL),
    base: {
      service: 'factdesk',
      process: processName(process.env.FACTDESK_PROCESS),
      pid: process.pid,
    },
    // "level":"info" and an ISO time read better in a log search than 30 and epoch ms.
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  destination,
);

/** The logger of one request: every line it writes carries `requestId`. */
function requestLogger(requestId: string): Logger {
  return logger.child({ requestId });
}

/** Sends the log lines to `write` instead of stdout until the returned function is called (tests). */
export function redirectLogs(write: (line: string) => void): () => void {
  const previous = sink;
  sink = { write };
  return () => {
    sink = previous;
  };
}

/**
 * The one line of an HTTP request, written once its handler answered (for a streamed body: once
 * the Response was returned, its status known). The path only: a query string may hold tokens.
 * `info` below 500, `error` from 500 on, with the error that caused it when there was one.
 */
export function logRequest(entry: {
  request: Request;
  status: number;
  startedAt: number;
  error?: unknown;
}): void {
  const { request, status, startedAt, error } = entry;
  const log = requestLogger(requestIdFrom(request.headers.get(REQUEST_ID_HEADER)));
  const line = {
    method: request.method,
    path: new URL(request.url).pathname,
    status,
    durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
  };
  if (status < 500) log.info(line, 'request');
  else log.error(error === undefined ? line : { ...line, err: error }, 'request');
}

/** Wraps a route handler that has no apiHandler (next-auth) so its requests are logged too. */
export function withRequestLog<C>(
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const startedAt = performance.now();
    try {
      const response = await handler(request, context);
      logRequest({ request, status: response.status, startedAt });
      return response;
    } catch (error) {
      logRequest({ request, status: 500, startedAt, error });
      throw error;
    }
  };
}
