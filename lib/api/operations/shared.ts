// The vocabulary of the operation registry: what one /api/v1 operation declares (method, path,
// request, responses by status) and the shared responses every route reuses — one Error body
// (lib/validations/dto/common.ts) and one response component per kind of failure. Plain zod and
// data: no generator here, so lib/api/respond.ts can load the registry to check responses.
import { z } from 'zod';
import { errorDto, idDto } from '@/lib/validations/dto/common';
import { jobResponseDto } from '@/lib/validations/dto/job';
import { lastEventIdSchema } from '@/lib/validations/query';
import { IMPORT_MAX_BODY_BYTES, MAX_BODY_BYTES } from '@/lib/validations/limits';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A media type other than the JSON body (streams, reports, files), as OpenAPI writes it. */
export type OtherContent = Record<string, { schema: z.ZodType | Record<string, unknown> }>;

export interface ResponseSpec {
  description: string;
  /** The `application/json` body; responses carrying one are parsed with it in tests. */
  json?: z.ZodType;
  /** Other media types (event streams, reports, PDF, JSON-LD): documented, not parsed. */
  content?: OtherContent;
  headers?: z.ZodObject;
  /** Registers the response as a component (shared kinds of failure). */
  id?: string;
}

export type Status = `${1 | 2 | 3 | 4 | 5}${number}`;

export interface Operation {
  method: Method;
  /** OpenAPI path template: `/api/v1/articles/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** `[]` for the one public route; the document's default (session or bearer) otherwise. */
  security?: [];
  params?: { path?: z.ZodObject; query?: z.ZodObject; header?: z.ZodObject };
  body?: { schema: z.ZodType | Record<string, unknown>; required: boolean };
  responses: Partial<Record<Status, ResponseSpec>>;
}

// ---- building blocks ------------------------------------------------------------------------

export const json = (schema: z.ZodType, description: string): ResponseSpec => ({
  description,
  json: schema,
});
export const fail = (description: string): ResponseSpec => json(errorDto, description);

export const body = (schema: z.ZodType | Record<string, unknown>, required = true) => ({
  schema,
  required,
});

/** A uuid path parameter: `{id}` unless named. */
export const uuidParam = (what: string) => idDto.describe(`${what} id`);
export const pathOf = (params: Record<string, z.ZodType>) => z.object(params);
export const idPath = (what: string) => pathOf({ id: uuidParam(what) });

/** The `Last-Event-ID` header of an event stream (lib/validations/query.ts). */
export const lastEventIdHeader = (description: string) =>
  z.object({ 'Last-Event-ID': lastEventIdSchema.optional().describe(description) });

/** Limits as the descriptions state them: `20,000`, `12 MiB`. */
export const count = (n: number) => n.toLocaleString('en-US');
export const mebibytes = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;

// ---- shared failures (one component each) --------------------------------------------------

const shared = (id: string, description: string): ResponseSpec => ({ ...fail(description), id });

export const unauthenticated = shared(
  'Unauthenticated',
  'no session cookie or bearer token, or an unknown or revoked token (`unauthenticated`)',
);
export const invalidJson = shared('InvalidJson', 'the body is not valid JSON (`invalid_json`)');
export const validationFailed = shared(
  'ValidationFailed',
  'invalid values (`validation_failed`); `details` lists them',
);
export const unsupportedMediaType = shared(
  'UnsupportedMediaType',
  'the body is not JSON: `Content-Type: application/json` is required (`unsupported_media_type`); nothing is stored',
);
export const crossOrigin = shared(
  'CrossOrigin',
  'a write carried by the session cookie from another origin (`cross_origin_request`); nothing is stored',
);
export const bodyTooLarge = shared(
  'PayloadTooLarge',
  `a body over ${mebibytes(MAX_BODY_BYTES)} (\`payload_too_large\`); nothing is stored`,
);
export const importBodyTooLarge = `a body over ${mebibytes(IMPORT_MAX_BODY_BYTES)}`;
export const databaseUnavailable: ResponseSpec = {
  ...shared(
    'DatabaseUnavailable',
    'the database cannot be reached (`database_unavailable`); nothing is stored, retry',
  ),
  headers: z.object({ 'Retry-After': z.int().min(1).describe('seconds to wait') }),
};
export const internal = shared(
  'Internal',
  'an unexpected failure (`internal`); nothing internal is told, the cause is logged',
);
export const sessionOnly = shared(
  'SessionRequired',
  'an access token cannot do this: a signed-in browser session only (`session_required`)',
);
export const invitationInvalid = shared(
  'InvitationInvalid',
  'the link was used, revoked or has expired, or is malformed (`invitation_invalid`)',
);
export const badLastEventId = shared(
  'BadLastEventId',
  '`Last-Event-ID` is not an audit event id (digits, 0 to 2^63−1): `bad_request`, no stream',
);

export const notFound = (what: string) =>
  fail(`${what} unknown, or outside your teams (\`not_found\`)`);
export const forbidden = (rule: string) => fail(`${rule} (\`forbidden\`)`);
export const tooLarge = (what: string) =>
  fail(`${what} (\`payload_too_large\`); nothing is stored`);

const retryAfter = z.object({
  'Retry-After': z.int().min(1).describe('seconds to wait before asking again'),
});
/** A 429 with its Retry-After header. */
export const tooMany = (description: string): ResponseSpec => ({
  ...fail(description),
  headers: retryAfter,
});
// The per-user job cap and the PDF queue are server settings (lib/server/jobs/enqueue-job.ts,
// lib/server/reports/pdf-report.ts): named here with their defaults.
export const JOB_CAP = 'JOBS_MAX_PENDING_PER_USER jobs (a server setting, 5 by default)';
export const tooManyJobs = tooMany(
  `you already have ${JOB_CAP} waiting or running (\`rate_limited\`); nothing is queued`,
);

/** 202: the work was handed to a worker; follow the job. */
export const accepted = (description: string): ResponseSpec => ({
  description,
  json: jobResponseDto,
  headers: z.object({
    Location: z.string().describe('the job: /api/v1/jobs/{id}'),
    'Retry-After': z.int().min(1).describe('seconds to wait before asking again'),
  }),
});
export const FOLLOW_THE_JOB =
  'follow it with GET /api/v1/jobs/{id} (the `Location`) or live with GET /api/v1/jobs/{id}/events';

/** A bearer token that is not one, too often from one address (lib/server/rate-limit.ts). */
export const badTokensThrottled = tooMany(
  'too many invalid access tokens from your address (`rate_limited`); wait `Retry-After` seconds',
);

/**
 * Every operation may answer these: not signed in, bad bearer tokens throttled, the database
 * away, an internal failure.
 */
export const readErrors = {
  '401': unauthenticated,
  '429': badTokensThrottled,
  '500': internal,
  '503': databaseUnavailable,
} as const;
/**
 * Every write: refused when its body is not JSON or it comes from another origin (CSRF), and
 * 422 for an invalid `Idempotency-Key` (lib/api/respond.ts).
 */
export const writeErrors = {
  ...readErrors,
  '403': crossOrigin,
  '415': unsupportedMediaType,
  '422': validationFailed,
} as const;
/** Writes reading a JSON body: also 400 and 413. */
export const bodyErrors = {
  ...writeErrors,
  '400': invalidJson,
  '413': bodyTooLarge,
} as const;
