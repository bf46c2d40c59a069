// Browser-side calls to the /api/v1 routes (the same service functions as every other client):
// JSON in and out, and the API's error shape turned into an ApiError with code and details.
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

export async function apiFetch<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiError(0, 'network', 'Serveur injoignable : vérifiez votre connexion.');
  }
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
