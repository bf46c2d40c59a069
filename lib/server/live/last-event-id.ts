// The `Last-Event-ID` header of an event stream, read with its one schema
// (lib/validations/query.ts): an audit event id, or nothing. Anything else — beyond PostgreSQL's
// bigint, negative, not a number — is a 400 before the stream opens: a reconnecting browser
// only ever sends back an id the server wrote, and a stream that replays nothing while failing
// on every reconnection would look alive and stay dead.
import 'server-only';
import { AppError } from '@/lib/server/errors';
import { lastEventIdSchema } from '@/lib/validations/query';

export function parseLastEventId(value: string | null | undefined): bigint | null {
  const parsed = lastEventIdSchema.safeParse(value ?? undefined);
  if (!parsed.success) {
    throw new AppError(
      'bad_request',
      'invalidLastEventId',
      parsed.error.issues.map((issue) => ({ path: 'Last-Event-ID', message: issue.message })),
    );
  }
  return parsed.data ?? null;
}
