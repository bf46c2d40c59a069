// Any /api address no route handler matches: the API's own 404 body, in JSON, for every method
// (without this, the app's HTML not-found page would answer a script).
const notFound = () =>
  Response.json(
    { error: { code: 'not_found', message: 'Adresse inconnue de l’API.' } },
    { status: 404, headers: { 'Cache-Control': 'no-store' } },
  );

export const dynamic = 'force-dynamic';
export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
