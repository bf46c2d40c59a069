// Browser-side calls to the /api/v1 routes (the same service functions as every other client):
// JSON in and out, and the API's error shape turned into an ApiError with code and details —
// readApiError() is the one place the browser reads an error answer (fetch, XHR, downloads).
// The offline queue is imported statically: loaded with the page, never fetched at the moment
// the connection is gone (a dynamic import() then fails to load its chunk, and the write with it).
import { createTranslator } from 'use-intl/core';
import { currentLocale } from '@/lib/i18n/current-locale';
import type { Locale } from '@/lib/i18n/locales';
import enNetwork from '@/lib/i18n/messages/en/network.json';
import frNetwork from '@/lib/i18n/messages/fr/network.json';
import { enqueue } from '@/lib/offline/queue';

const NETWORK: Record<Locale, typeof frNetwork> = { fr: frNetwork, en: enNetwork };

/**
 * What the browser itself says about a call (no answer, an answer not in the API's shape), in
 * the page's language (`<html lang>`): the catalogue's `network` namespace.
 */
export function networkText(
  key: keyof typeof frNetwork,
  values?: Record<string, string | number>,
): string {
  const locale = currentLocale();
  const t = createTranslator({ locale, messages: { network: NETWORK[locale] } });
  return (t as unknown as (key: string, values?: Record<string, string | number>) => string)(
    `network.${key}`,
    values,
  );
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * A write kept on this device (offline): it will be sent when the server is reachable. `key`
 * names it in the queue's announcements (lib/offline/queue.ts), with the server's answer.
 */
export class QueuedOffline extends Error {
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
  }
}

export interface ApiFetchInit extends RequestInit {
  /**
   * Keep this write on the device when the server cannot be reached, and send it later
   * (lib/offline/queue.ts). `replaceable`: a later write to the same URL supersedes it.
   */
  offline?: { label: string; replaceable?: boolean };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** JSON in and out; every write carries an Idempotency-Key, so a retry is never applied twice. */
export async function apiFetch<T>(url: string, init?: ApiFetchInit): Promise<T> {
  const method = (init?.method ?? 'GET').toUpperCase();
  const key = WRITES.has(method) ? crypto.randomUUID() : null;
  const { offline, ...requestInit } = init ?? {};
  const keepForLater = async () => {
    const queued = await enqueue({
      key: key!,
      url,
      method,
      body: typeof requestInit.body === 'string' ? requestInit.body : null,
      label: offline!.label,
      queuedAt: Date.now(),
      replaceable: offline!.replaceable ?? false,
    });
    return new QueuedOffline(networkText('savedOnDevice', { label: offline!.label }), queued.key);
  };
  let response: Response;
  try {
    response = await fetch(url, {
      ...requestInit,
      headers: {
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
        ...requestInit.headers,
      },
    });
  } catch {
    if (key && offline) throw await keepForLater();
    throw networkError();
  }
  if (response.status === 503 && key && offline) throw await keepForLater();
  if (!response.ok) throw await readApiError(response);
  // A success without a JSON body (204) reads as null.
  return (await response.json().catch(() => null)) as T;
}

/** What the browser says when no answer came back at all (fetch or XHR failed). */
export function networkError(): ApiError {
  return new ApiError(0, 'network', networkText('unreachable'));
}

/** The message for an error answer that does not say what went wrong in the API's shape. */
function fallbackMessage(status: number): string {
  if (status >= 500) {
    return networkText('serverFailed', { status });
  }
  return networkText('refused', { status });
}

/**
 * An error answer's parsed body (`unknown`: JSON or null) as an ApiError. The API answers
 * `{"error":{"code","message","details?"}}`; anything else (a proxy's HTML page, an empty body,
 * a stray shape) gets code `unknown` and a message from the status alone.
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error =
    typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  if (typeof error !== 'object' || error === null) {
    return new ApiError(status, 'unknown', fallbackMessage(status));
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
  const message =
    'message' in error && typeof error.message === 'string' && error.message !== ''
      ? error.message
      : fallbackMessage(status);
  return new ApiError(status, code, message, 'details' in error ? error.details : undefined);
}

/** Parses a body read as text: JSON when it is, null otherwise (HTML, empty). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The one reader of the API's error answers in the browser: the failed response's code,
 * message, status and details, as an ApiError to throw or show (errorMessage()). Never rejects:
 * a body that cannot be read is an error answer without details.
 */
export async function readApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return apiErrorFrom(response.status, parseJsonText(text));
}

/**
 * The text to show for a failed API call: the first field problem of a validation error
 * (its message without the field path), otherwise the API's own message.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return networkText('unexpected');
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    const first: unknown = error.details[0];
    if (
      typeof first === 'object' &&
      first !== null &&
      'message' in first &&
      typeof first.message === 'string'
    ) {
      return first.message;
    }
  }
  return error.message;
}

/**
 * For the reader's controls, which show the API's own message (not the first field problem)
 * and their own words for anything else: `useAction(fn, { message: apiMessageOr('…') })`.
 */
export function apiMessageOr(fallback: string): (error: unknown) => string {
  return (error) => (error instanceof ApiError ? error.message : fallback);
}
