// The request id that ties a request's log lines together (and to the caller's own logs): the
// caller's `X-Request-Id` when it is a plain token, else a fresh UUID. Pure (no Node or Next
// imports): proxy.ts gives every request one, and the server's request log reads it back.

export const REQUEST_ID_HEADER = 'x-request-id';

/** At most 128 characters of letters, digits and `. _ : -` — nothing that could forge a log line. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The incoming id when it is acceptable, else null. */
export function validRequestId(value: string | null | undefined): string | null {
  return typeof value === 'string' && VALID_REQUEST_ID.test(value) ? value : null;
}

/** The incoming id when it is acceptable, else a new random one. */
export function requestIdFrom(value: string | null | undefined): string {
  return validRequestId(value) ?? crypto.randomUUID();
}
