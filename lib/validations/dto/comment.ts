// Response shapes of comments (lib/server/comments/serialize.ts is typed from them).
import { z } from 'zod';
import { idDto, personDto, timestampDto } from './common';

export const commentDto = z
  .strictObject({
    id: idDto,
    sentenceId: idDto,
    annotationId: idDto.nullable().describe('the highlight it is about, if any'),
    parentId: idDto.nullable().describe('the comment it replies to, if any'),
    author: personDto,
    body: z.string().nullable().describe('null once deleted'),
    deleted: z.boolean(),
    edited: z.boolean(),
    version: z.int(),
    createdAt: timestampDto,
    updatedAt: timestampDto,
  })
  .meta({ id: 'Comment' });

export const commentListDto = z.strictObject({ comments: z.array(commentDto) });
