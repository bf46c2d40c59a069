// Response pieces every /api/v1 body shares: ids, timestamps, people, the one error body,
// the W3C selectors, the sentence units. Each carries `.meta({ id })`, so the OpenAPI
// generator (lib/api/openapi.ts) writes it once under components and refers to it; objects are
// strict, so a response with a field the schema does not declare fails the check of
// lib/api/respond.ts (FACTDESK_CHECK_RESPONSES=1 in the tests). No server imports: the browser
// may parse with these too.
import { z } from 'zod';
import { AnchorStatus, UnitKind } from '@/generated/prisma/enums';
import { TRIAGE_REASONS } from '@/lib/text/triage-reasons';

/** Ids are database uuids; `guid` accepts any uuid-shaped value (fixtures included). */
export const idDto = z.guid().meta({ id: 'Id', format: 'uuid' });
export const timestampDto = z.iso.datetime().meta({ id: 'Timestamp' });
/** A calendar date, `YYYY-MM-DD`. */
export const dateDto = z.iso.date().meta({ id: 'Date' });

export const personDto = z
  .strictObject({ id: idDto, name: z.string() })
  .meta({ id: 'Person', description: 'a member, by id and display name' });

/** Audit event ids are PostgreSQL bigints, sent as decimal strings. */
export const auditIdDto = z
  .string()
  .regex(/^\d+$/)
  .meta({ id: 'AuditId', description: 'audit event id: a decimal integer, as a string' });

/** `{"error":{"code","message","details"?}}`: what every failure answers (lib/api/respond.ts). */
export const errorDto = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe('stable machine code, e.g. not_found, conflict, validation_failed'),
      message: z
        .string()
        .describe(
          "for people, in the caller's language: the account's preference, else the factdesk-locale cookie, else Accept-Language, else French (fr, en)",
        ),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const deletedDto = z
  .strictObject({ id: idDto, deleted: z.literal(true) })
  .meta({ id: 'Deleted' });
export const revokedDto = z
  .strictObject({ id: idDto, revoked: z.literal(true) })
  .meta({ id: 'Revoked' });

export const textQuoteSelectorDto = z
  .strictObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  })
  .meta({ id: 'TextQuoteSelector', description: 'W3C Web Annotation TextQuoteSelector' });
export const textPositionSelectorDto = z
  .strictObject({ type: z.literal('TextPositionSelector'), start: z.int(), end: z.int() })
  .meta({
    id: 'TextPositionSelector',
    description: 'W3C Web Annotation TextPositionSelector (UTF-16 offsets)',
  });

export const anchorStatusDto = z.enum(AnchorStatus).meta({
  id: 'AnchorStatus',
  description: 'after corrections of the text: placed exactly, approximately, or not at all',
});

export const triageReasonDto = z.enum(TRIAGE_REASONS).meta({ id: 'TriageReason' });

/** A unit of an article's text: a sentence, a heading or a paywall notice. */
export const unitDto = z
  .strictObject({
    id: idDto,
    index: z.int(),
    start: z.int().describe('UTF-16 offset into the article text'),
    end: z.int(),
    kind: z.enum(UnitKind),
    text: z.string(),
    checkworthiness: z.number().min(0).max(1).describe('claim triage score (lib/text/triage.ts)'),
    checkworthinessReasons: z.array(triageReasonDto),
  })
  .meta({ id: 'Unit' });

/** Where a sentence sits, as lists (queue, search) show it. */
export const sentenceRefDto = z
  .strictObject({ id: idDto, index: z.int(), text: z.string() })
  .meta({ id: 'SentenceRef' });
