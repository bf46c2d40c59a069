// POST a JSON body with XMLHttpRequest rather than fetch: only XHR reports upload progress,
// which a multi-megabyte article needs. Failures become the same ApiError as apiFetch's
// (apiErrorFrom, lib/api/client.ts), so errorMessage() turns them into the API's French message.
import { ApiError, apiErrorFrom, networkError, parseJsonText } from '@/lib/api/client';

export interface UploadCallbacks {
  /** Bytes sent so far out of the body's size. */
  onUploadProgress?: (loaded: number, total: number) => void;
  /** The whole body has left the browser: the server is now working on it. */
  onUploaded?: () => void;
}

export interface UploadOptions extends UploadCallbacks {
  signal?: AbortSignal;
  /** Sent as Idempotency-Key: the same key for a retry of the same body is applied once. */
  idempotencyKey?: string;
}

export function postJsonWithProgress(
  url: string,
  body: string,
  callbacks: UploadOptions = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    if (callbacks.idempotencyKey) xhr.setRequestHeader('Idempotency-Key', callbacks.idempotencyKey);
    // Upload listeners must be in place before send(), or no progress event fires.
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) callbacks.onUploadProgress?.(event.loaded, event.total);
    });
    xhr.upload.addEventListener('load', () => callbacks.onUploaded?.());
    xhr.addEventListener('load', () => {
      // Not JSON (a proxy's error page) reads as null: the status alone says what happened.
      const parsed = parseJsonText(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed);
      else reject(apiErrorFrom(xhr.status, parsed));
    });
    xhr.addEventListener('error', () => reject(networkError()));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'aborted', 'Envoi interrompu.')));
    callbacks.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
