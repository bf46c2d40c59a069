import { z } from 'zod';

/** Assign a sentence to a member of the article's team, or `null` to unassign. */
export const assignSentenceSchema = z.object({ userId: z.uuid().nullable() });
