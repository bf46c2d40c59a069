// Browser-side calls to the /api/v1 routes (the same service functions as every other client):
// JSON in and out, and the API's error shape turned into an ApiError with code and details.
// The offline queue is imported statically: loaded with the page, never fetched at the moment
// the connection is gone (a dynamic import() then fails to load its chunk, and the write with it).
import { enqueue } from '@/lib/offline/queue';

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
    return new QueuedOffline(
      `${offline!.label} enregistré sur cet appareil : il sera envoyé dès que le serveur répondra.`,
      queued.key,
    );
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
    throw new ApiError(0, 'network', 'Serveur injoignable : vérifiez votre connexion.');
  }
  if (response.status === 503 && key && offline) throw await keepForLater();
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; details?: unknown };
  } | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? `Erreur ${response.status}.`,
      error?.details,
    );
  }
  return body as T;
}

/**
 * The French text to show for a failed API call: the first field problem of a validation error
 * (its message without the field path), otherwise the API's own message.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Une erreur inattendue est survenue. Réessayez.';
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
