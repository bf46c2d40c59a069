// The one error type of the service layer: a stable machine code (the API contract), a message
// for people, and the HTTP status each code maps to — defined here and nowhere else.
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  /** Only a browser session may do this (not an access token). */
  session_required: 403,
  /** A cookie-authenticated write sent from another origin (CSRF): refused. */
  cross_origin_request: 403,
  /**
   * The member rated the disputed sentence (a party to the dispute) and the team does not let
   * parties settle disputes (lib/server/verdicts/adjudication.ts).
   */
  adjudicator_is_party: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  /** The action does not fit the current state (submit twice, approve a draft…). */
  invalid_state: 409,
  /** The team would be left without an owner. */
  last_owner: 409,
  /** An invitation that was used, revoked or has expired. */
  invitation_invalid: 410,
  validation_failed: 422,
  /** An Idempotency-Key already used for a different request body. */
  idempotency_key_reused: 422,
  /** A write whose body is not JSON (`Content-Type: application/json` required). */
  unsupported_media_type: 415,
  /** A body, an article or an import beyond a stated limit (README "Limits"); nothing stored. */
  payload_too_large: 413,
  selector_mismatch: 422,
  not_checkable: 422,
  /** Too many attempts: see the Retry-After header (details.retryAfter, seconds). */
  rate_limited: 429,
  /** The queue of this kind of work (PDF renders) is full: see Retry-After. */
  queue_full: 429,
  /** PostgreSQL cannot be reached right now; nothing was written. */
  database_unavailable: 503,
  /** The text, file or page could not be turned into an article. */
  import_failed: 422,
  /** A feature that needs something this server does not have (e.g. a browser for PDF). */
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Not found and not a member look the same from outside: nothing leaks about other teams. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} introuvable.`);
}
