// The French text to show for a failed API call: the first field problem of a validation error
// (its message without the field path), otherwise the API's own message.
import { ApiError } from '@/lib/api/client';

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
