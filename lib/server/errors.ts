// The one error type of the service layer: a stable machine code (the API contract), a message
// for people, and the HTTP status each code maps to — defined here and nowhere else.
//
// The message is a key of the catalogue's `errors` namespace (lib/i18n/messages/<locale>/
// errors.json) with its ICU values, rendered in the caller's language when the error is
// answered (lib/api/respond.ts) or shown on a page (`messageIn(locale)`). `error.message` is
// the French text, for logs and for code that reads it without a language.
// The catalogue side (keys, ICU rendering) is lib/i18n/error-text.ts, re-exported here.
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import {
  errorText,
  textOf,
  type ErrorMessage,
  type ErrorText,
  type LocalizedDetails,
  type NotFoundThing,
} from '@/lib/i18n/error-text';

export {
  errorText,
  importText,
  textOf,
  type ErrorKey,
  type ErrorMessage,
  type ErrorText,
  type ImportText,
  type LocalizedDetails,
  type NotFoundThing,
} from '@/lib/i18n/error-text';

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
  /** The message's key and values (`message` is its French text). */
  readonly text: ErrorText;
  /** In French; `detailsIn(locale)` for another language. */
  readonly details?: unknown;
  readonly #details?: LocalizedDetails;

  /**
   * `details` is data (`{ current }`, `{ retryAfter }`), or, when it says something to people
   * (field problems), a function of the language that builds it.
   */
  constructor(code: ErrorCode, message: ErrorMessage, details?: unknown) {
    super(errorText(DEFAULT_LOCALE, message));
    this.name = 'AppError';
    this.code = code;
    this.text = textOf(message);
    if (typeof details === 'function') {
      this.#details = details as LocalizedDetails;
      this.details = this.#details(DEFAULT_LOCALE);
    } else {
      this.details = details;
    }
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The message for people, in `locale`. */
  messageIn(locale: Locale): string {
    return locale === DEFAULT_LOCALE ? this.message : errorText(locale, this.text);
  }

  detailsIn(locale: Locale): unknown {
    return this.#details && locale !== DEFAULT_LOCALE ? this.#details(locale) : this.details;
  }
}

/**
 * One field's problem, answered like a schema's (`validation_failed`, details
 * `[{ path, message }]`), e.g. a team name that does not match.
 */
export function invalidField(path: string, message: ErrorMessage): AppError {
  return new AppError('validation_failed', message, (locale: Locale) => [
    { path, message: errorText(locale, message) },
  ]);
}

/**
 * A message built elsewhere in French only (an import's skipped-item reasons, a fetch refusal):
 * answered as is in every language until its producer names a key.
 */
export function verbatim(text: string): ErrorText {
  return { key: 'verbatim', values: { text } };
}

/** Not found and not a member look the same from outside: nothing leaks about other teams. */
export function notFound(what: NotFoundThing): AppError {
  return new AppError('not_found', `notFound.${what}`);
}
