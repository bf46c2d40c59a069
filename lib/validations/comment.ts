import { z } from 'zod';

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

export const updateCommentSchema = z.object({ body, version: z.int().min(1) });

export const deleteCommentSchema = z.object({ version: z.int().min(1).optional() });
