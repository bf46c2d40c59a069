// The browser's one reader of error answers (lib/api/client.ts): the API's JSON error body, a
// proxy's HTML page, an empty body, a stray JSON shape, and no answer at all (apiFetch).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiErrorFrom, apiFetch, errorMessage, readApiError } from '@/lib/api/client';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readApiError', () => {
  it('reads the code, message and details of the API’s JSON error body', async () => {
    const details = [{ path: 'name', message: 'Le nom est requis.' }];
    const response = Response.json(
      { error: { code: 'validation_failed', message: 'Requête invalide.', details } },
      { status: 422 },
    );
    const error = await readApiError(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Requête invalide.',
      details,
    });
    // errorMessage() still picks the first field problem out of those details.
    expect(errorMessage(error)).toBe('Le nom est requis.');
  });

  it('gives a French message from the status when a proxy answers with an HTML page', async () => {
    const response = new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    const error = await readApiError(response);
    expect(error).toMatchObject({ status: 502, code: 'unknown', details: undefined });
    expect(error.message).toBe(
      'Le serveur n’a pas pu répondre (erreur 502). Réessayez dans un instant.',
    );
  });

  it('reads an empty body as an error without details', async () => {
    const error = await readApiError(new Response(null, { status: 404 }));
    expect(error).toMatchObject({ status: 404, code: 'unknown' });
    expect(error.message).toBe('La requête a été refusée (erreur 404).');
  });

  it('ignores JSON that is not the API’s error shape', async () => {
    for (const body of ['"oops"', '{"error":"boom"}', '{"message":"x"}', 'null', '[1]']) {
      const error = await readApiError(new Response(body, { status: 500 }));
      expect(error.code, body).toBe('unknown');
      expect(error.message, body).toMatch(/erreur 500/);
    }
  });

  it('keeps a code whose message is missing, with the fallback message', () => {
    const error = apiErrorFrom(409, { error: { code: 'conflict' } });
    expect(error).toMatchObject({ status: 409, code: 'conflict' });
    expect(error.message).toBe('La requête a été refusée (erreur 409).');
  });

  it('never rejects, even on a body that cannot be read', async () => {
    const response = new Response('{"error":', { status: 500 });
    await response.text(); // already consumed: reading it again throws
    const error = await readApiError(response);
    expect(error).toMatchObject({ status: 500, code: 'unknown' });
  });
});

describe('apiFetch error answers', () => {
  it('throws the ApiError read from the answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'forbidden', message: 'Accès refusé.' } }, { status: 403 }),
      ),
    );
    await expect(apiFetch('/api/v1/teams')).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      message: 'Accès refusé.',
    });
  });

  it('says the server cannot be reached when no answer comes back', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const failure = apiFetch('/api/v1/teams');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 0,
      code: 'network',
      message: 'Serveur injoignable : vérifiez votre connexion.',
    });
  });

  it('says it in the page’s language (<html lang="en-US">)', async () => {
    vi.stubGlobal('document', { documentElement: { lang: 'en-US' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(apiFetch('/api/v1/teams')).rejects.toMatchObject({
      message: 'Server unreachable: check your connection.',
    });
    expect(apiErrorFrom(502, null).message).toBe(
      'The server could not answer (error 502). Try again in a moment.',
    );
    expect(errorMessage(new Error('boom'))).toBe('Something unexpected went wrong. Try again.');
  });

  it('answers a success without a body with null', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(apiFetch('/api/v1/tokens/x', { method: 'DELETE' })).resolves.toBeNull();
  });
});
