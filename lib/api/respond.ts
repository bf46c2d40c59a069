// Turns what a route handler throws into the API's one error shape
// `{"error":{"code","message"}}`: AppError → its status, ZodError → 422 with the field
// problems, anything else → 500 with nothing internal leaked (the cause goes to the log).
import { ZodError } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { AppError } from '@/lib/server/errors';

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(errorBody(error.code, error.message, error.details), {
      status: error.status,
    });
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const first = details[0];
    const message = first ? `${first.path || 'corps'} : ${first.message}` : 'Données invalides.';
    return Response.json(errorBody('validation_failed', message, details), { status: 422 });
  }
  // A unique key that a concurrent request took first: the caller's write lost the race.
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return Response.json(
      errorBody('conflict', 'Modifié entre-temps par une autre requête : rechargez et réessayez.'),
      { status: 409 },
    );
  }
  console.error(error);
  return Response.json(errorBody('internal', 'Erreur interne du serveur.'), { status: 500 });
}

/** The request body as JSON, or a 400 `invalid_json`. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_json', 'Le corps de la requête doit être du JSON valide.');
  }
}

/** For actions whose body is optional (submit, approve…): no body reads as `{}`. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_json', 'Le corps de la requête doit être du JSON valide.');
  }
}

type RouteContext<P> = { params: Promise<P> };

/** Wraps a route handler so every failure leaves as the API's error shape. */
export function apiHandler<P = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
