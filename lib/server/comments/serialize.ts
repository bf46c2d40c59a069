// Stored comment → API shape. A deleted comment keeps its place in the thread, without text.
import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type { commentDto } from '@/lib/validations/dto/comment';

export const commentSelect = {
  id: true,
  sentenceId: true,
  annotationId: true,
  parentId: true,
  body: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.CommentSelect;

export type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

export type CommentDto = z.output<typeof commentDto>;

export function serializeComment(row: CommentRow): CommentDto {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    sentenceId: row.sentenceId,
    annotationId: row.annotationId,
    parentId: row.parentId,
    author: row.author,
    body: deleted ? null : row.body,
    deleted,
    edited: !deleted && row.updatedAt.getTime() - row.createdAt.getTime() > 1000,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
