// Response shapes of highlights (lib/server/annotations/serialize.ts is typed from them).
import { z } from 'zod';
import {
  anchorStatusDto,
  idDto,
  personDto,
  textPositionSelectorDto,
  textQuoteSelectorDto,
  timestampDto,
} from './common';

export const annotationDto = z
  .strictObject({
    id: idDto,
    author: personDto,
    note: z.string().nullable(),
    sentenceIds: z.array(idDto),
    anchorStatus: anchorStatusDto,
    version: z.int(),
    target: z.strictObject({
      selector: z.tuple([textQuoteSelectorDto, textPositionSelectorDto]),
    }),
    createdAt: timestampDto,
  })
  .meta({ id: 'Annotation', description: 'a highlight, with W3C Web Annotation selectors' });

export const annotationListDto = z.strictObject({ annotations: z.array(annotationDto) });

/** POST …/annotations/import done in the request (201). */
export const annotationImportDto = z.strictObject({
  imported: z.array(annotationDto),
  skipped: z.array(z.string()).describe('why items were not imported'),
});
