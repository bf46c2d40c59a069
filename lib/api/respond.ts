// Turns what a route handler throws into the API's one error shape
// `{"error":{"code","message"}}`: AppError → its status, ZodError → 422 with the field
// problems, anything else → 500 with nothing internal leaked (the cause goes to the log).
import { createHash } from 'node:crypto';
import { ZodError } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { AppError, errorText } from '@/lib/server/errors';
import { currentLocale } from '@/lib/i18n/current-locale';
import type { Locale } from '@/lib/i18n/locales';
import { localeSourcesOf, runWithRequestLocale } from '@/lib/i18n/request-locale';
import { IMPORT_MAX_BODY_BYTES, MAX_BODY_BYTES } from '@/lib/validations/limits';
import {
  IdempotentReplay,
  parseIdempotencyKey,
  replayedAnswer,
  runWithIdempotencyKey,
  storeIdempotentAnswer,
} from '@/lib/server/idempotency';
import { logRequest } from '@/lib/server/log';
import { requireJsonBody, requireSameOrigin } from '@/lib/security/cross-origin';
import type { Operation } from '@/lib/api/operations/shared';

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Prisma's codes for "the database is not there" (cannot connect, timed out, closed). */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** PostgreSQL's SQLSTATEs of a server shutting down or not accepting connections. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** True when a failure means PostgreSQL cannot be reached (not that the request was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNAVAILABLE_CODES.has(error.code)) return true;
    const cause = (
      error.meta?.driverAdapterError as
        { cause?: { kind?: string; originalCode?: string } } | undefined
    )?.cause;
    return Boolean(
      cause &&
      (UNAVAILABLE_KINDS.has(cause.kind ?? '') ||
        UNAVAILABLE_SQLSTATES.has(cause.originalCode ?? '')),
    );
  }
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (
    error instanceof Prisma.PrismaClientUnknownRequestError ||
    error instanceof Prisma.PrismaClientRustPanicError
  ) {
    return /connect|terminat|ECONNREFUSED|closed/i.test(error.message);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'ECONNREFUSED' || UNAVAILABLE_SQLSTATES.has(code));
}

/**
 * The answer to a failure, its message in `locale`: by default the request's (the account's
 * preference, else cookie, else Accept-Language — lib/i18n/request-locale.ts), French outside a
 * request. The `code` never changes with the language.
 */
export function errorResponse(error: unknown, locale: Locale = currentLocale()): Response {
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfter?: number } | undefined)?.retryAfter;
    return Response.json(errorBody(error.code, error.messageIn(locale), error.detailsIn(locale)), {
      status: error.status,
      headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined,
    });
  }
  if (isDatabaseUnavailable(error)) {
    return Response.json(
      errorBody('database_unavailable', errorText(locale, 'databaseUnavailable')),
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
  if (error instanceof ZodError) {
    // The issues' messages were written in the request's language while the schema parsed
    // (lib/validations/messages.ts); only the sentence around the first one is built here.
    const details = error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const first = details[0];
    const message = first
      ? errorText(locale, {
          key: 'fieldProblem',
          values: { path: first.path || errorText(locale, 'body'), problem: first.message },
        })
      : errorText(locale, 'invalidData');
    return Response.json(errorBody('validation_failed', message, details), { status: 422 });
  }
  // A unique key that a concurrent request took first: the caller's write lost the race.
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return Response.json(errorBody('conflict', errorText(locale, 'writeConflict')), {
      status: 409,
    });
  }
  // The cause is logged by apiHandler, on the request's own line (with its request id).
  return Response.json(errorBody('internal', errorText(locale, 'internal')), { status: 500 });
}

// A NUL character or half of a UTF-16 surrogate pair (`"\ud800"` is valid JSON) cannot be
// stored by PostgreSQL (text or jsonb): refused up front, for every string and key of a body.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findUnstorable(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(corps)' : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return path ? `${path}.(clé)` : '(clé)';
    const found = findUnstorable(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

function parseBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_json', 'invalidJson');
  }
  const where = findUnstorable(value, '');
  if (where) {
    throw new AppError('validation_failed', {
      key: 'unstorableCharacter',
      values: (locale: Locale) => ({
        where: where
          .replace('(corps)', errorText(locale, 'unstorableWhere.body'))
          .replace('(clé)', errorText(locale, 'unstorableWhere.key')),
      }),
    });
  }
  return value;
}

function tooLarge(maxBytes: number): AppError {
  const mib = maxBytes / (1024 * 1024);
  return new AppError(
    'payload_too_large',
    {
      key: 'requestTooLarge',
      values:
        mib >= 1 ? { size: mib, unit: 'mib' } : { size: Math.round(maxBytes / 1024), unit: 'kib' },
    },
    { maxBytes },
  );
}

/**
 * The body as text, never more than `maxBytes`: a declared length above it is refused before
 * reading, and reading stops at the first byte beyond it (a body without a length is counted).
 */
async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface ReadJsonOptions {
  /** Largest body accepted, in bytes (default MAX_BODY_BYTES; imports allow more). */
  maxBytes?: number;
}

/**
 * The request body as JSON, or a 400 `invalid_json` (422 for characters no column can hold,
 * 413 `payload_too_large` beyond the route's byte limit).
 */
export async function readJson(request: Request, options: ReadJsonOptions = {}): Promise<unknown> {
  return parseBody(await readText(request, options.maxBytes ?? MAX_BODY_BYTES));
}

/** For actions whose body is optional (submit, approve…): no body reads as `{}`. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await readText(request, MAX_BODY_BYTES);
  if (text.trim() === '') return {};
  return parseBody(text);
}

type RouteContext<P> = { params: Promise<P> };

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Wraps a route handler so every failure leaves as the API's error shape, a write that is not
 * JSON or comes from another origin is refused (CSRF), a write sent
 * with an `Idempotency-Key` is applied once however often it arrives (lib/server/idempotency),
 * and each request leaves one JSON log line with its request id (lib/server/log).
 */
export function apiHandler<P = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const startedAt = performance.now();
    // The answer's language: the request's cookie or Accept-Language, until getCurrentUser
    // finds the caller and adds the account's preference (lib/i18n/request-locale.ts).
    let [response, failure] = await runWithRequestLocale(
      localeSourcesOf(request.headers),
      async (): Promise<[Response, unknown]> => {
        try {
          return [await runOnce(handler, request, context), undefined];
        } catch (error) {
          return [errorResponse(error), error];
        }
      },
    );
    // In tests: the answer must be the one the operation registry declares (see below).
    if (process.env.FACTDESK_CHECK_RESPONSES === '1') {
      const violation = await checkResponse(request, response);
      if (violation) {
        failure = violation;
        response = Response.json(
          errorBody('response_contract_violated', violation.message, violation.issues),
          { status: 500 },
        );
      }
    }
    // One JSON line per request (lib/server/log), with the cause of a 5xx.
    logRequest({ request, status: response.status, startedAt, error: failure });
    return response;
  };
}

/** A response that is not what the registry declares for its operation and status. */
export class ResponseContractViolation extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ResponseContractViolation';
  }
}

/**
 * Parses a JSON answer with the schema lib/api/operations declares for its route and status
 * (FACTDESK_CHECK_RESPONSES=1, set by the integration and end-to-end tests): an undeclared
 * status, an undeclared or missing field is a violation. Streams and files (other media types)
 * are not read. The registry is loaded only here, so routes do not carry it otherwise.
 */
async function checkResponse(
  request: Request,
  response: Response,
): Promise<ResponseContractViolation | null> {
  const { pathname } = new URL(request.url);
  // Only /api/v1 routes are described (a test may call a handler with a made-up address).
  if (!pathname.startsWith('/api/v1/')) return null;
  const { findOperation } = await import('@/lib/api/operations');
  const operation = findOperation(request.method, pathname);
  if (!operation) {
    return new ResponseContractViolation(
      `Réponse non déclarée : aucune opération pour ${request.method} ${pathname}.`,
    );
  }
  return checkAgainst(operation, response);
}

/** The check itself, for one operation (exported for its unit test). */
export async function checkAgainst(
  operation: Pick<Operation, 'operationId' | 'responses'>,
  response: Response,
): Promise<ResponseContractViolation | null> {
  const where = operation.operationId;
  const spec = operation.responses[String(response.status) as keyof Operation['responses']];
  if (!spec) {
    return new ResponseContractViolation(`${where} : statut ${response.status} non déclaré.`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/json\b/.test(type)) return null;
  if (!spec.json) {
    // Declared, but as another kind of body (a report's JSON format is opaque here).
    if (spec.content?.['application/json']) return null;
    return new ResponseContractViolation(`${where} : corps JSON non déclaré (${response.status}).`);
  }
  let value: unknown;
  try {
    value = await response.clone().json();
  } catch {
    return new ResponseContractViolation(`${where} : corps JSON illisible (${response.status}).`);
  }
  const parsed = spec.json.safeParse(value);
  if (parsed.success) return null;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  return new ResponseContractViolation(
    `${where} ${response.status} : ${first ? `${first.path || '(corps)'} : ${first.message}` : 'invalide'}`,
    issues,
  );
}

/**
 * SHA-256 of the body, read from a copy (the handler reads the original), never beyond the
 * largest body any route accepts: a longer one is refused by the route itself anyway.
 */
async function hashBody(request: Request): Promise<string> {
  const hash = createHash('sha256');
  const body = request.clone().body;
  if (body) {
    const reader = body.getReader();
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > IMPORT_MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        break;
      }
      hash.update(value);
    }
  }
  return hash.digest('hex');
}

async function runOnce<P>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
  request: Request,
  context: RouteContext<P>,
): Promise<Response> {
  if (!WRITE_METHODS.has(request.method)) return await handler(request, context);
  // CSRF (lib/security/cross-origin.ts): JSON bodies only, and cookie writes from our origin.
  requireJsonBody(request.headers);
  requireSameOrigin(request.headers);
  const key = parseIdempotencyKey(request.headers.get('idempotency-key'));
  if (!key) return await handler(request, context);
  const { result, context: state } = runWithIdempotencyKey(
    {
      key,
      method: request.method,
      path: new URL(request.url).pathname,
      requestHash: await hashBody(request),
    },
    () => handler(request, context),
  );
  try {
    const response = await result;
    if (response.ok && state.claimedBy) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      await storeIdempotentAnswer(state, response.status, body);
    }
    return response;
  } catch (error) {
    if (error instanceof IdempotentReplay) return await replayedAnswer(state);
    throw error;
  }
}
