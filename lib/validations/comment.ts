import { z } from 'zod';
import { versionSchema } from './common';

const body = z
  .string()
  .trim()
  .min(1, { message: 'Le commentaire est vide.' })
  .max(10_000, { message: '10 000 caractères au plus.' });

export const createCommentSchema = z.object({
  body,
  /** Reply to this comment (same sentence). */
  parentId: z.uuid().optional(),
  /** Comment on this highlight (it must touch the sentence). */
  annotationId: z.uuid().optional(),
});
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export const updateCommentSchema = z.object({ body, version: versionSchema });

export const deleteCommentSchema = z.object({ version: versionSchema.optional() });
