import { z } from 'zod';
import { versionSchema } from './common';
import { maxChars, msg } from './messages';

const body = z
  .string()
  .trim()
  .min(1, { error: msg('emptyComment') })
  .max(10_000, { error: maxChars(10_000) });

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
