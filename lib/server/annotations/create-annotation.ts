// Creates highlights from W3C selectors. The selectors must anchor in the article's current
// text exactly (position checked against the quote, or the quote with its context); the stored selectors are re-described
// from the text so prefix/suffix are always complete, and each highlight is linked to every
// unit it touches. One highlight from the reader, or many from an imported collection.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma, type Tx } from '@/lib/db';
import { anchorExactly, describeRange, unitsTouchedInOrder } from '@/lib/anchoring';
import type { Selector } from '@/lib/anchoring';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { notifyChange } from '@/lib/server/audit/record-audit';
import { claimIdempotencyKey } from '@/lib/server/idempotency';
import { IMPORT_MAX_ANNOTATIONS } from '@/lib/validations/limits';
import { currentLocale } from '@/lib/i18n/current-locale';
import { AppError, errorText, notFound, verbatim } from '@/lib/server/errors';
import { createAnnotationSchema, isBlankQuote } from '@/lib/validations/annotation';
import { annotationSelect, serializeAnnotation, type AnnotationDto } from './serialize';

/** Rows per multi-row statement. */
const ROW_BATCH = 1000;

export async function createAnnotation(options: {
  userId: string;
  articleId: string;
  input: unknown;
}) {
  const data = createAnnotationSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const { imported, skipped } = await createAnnotationsInTransaction(tx, {
      userId: options.userId,
      articleId: options.articleId,
      items: [{ selector: data.selector as Selector[], note: data.note }],
      returnRows: true,
    });
    if (imported.length === 0) throw new AppError('selector_mismatch', verbatim(skipped[0]!));
    return imported[0]!;
  });
}

export async function createAnnotationsInTransaction(
  tx: Tx,
  options: {
    userId: string;
    articleId: string;
    items: { selector: Selector[]; note: string | null }[];
    /** Called every few hundred items with the fraction anchored (jobs report it). */
    onProgress?: (fraction: number) => Promise<void>;
    /** Read the created highlights back in the API's shape (the request path; not for jobs). */
    returnRows?: boolean;
  },
): Promise<{ imported: AnnotationDto[]; importedCount: number; skipped: string[] }> {
  if (options.items.length > IMPORT_MAX_ANNOTATIONS) {
    throw new AppError(
      'payload_too_large',
      {
        key: 'tooManyHighlights',
        values: { limit: IMPORT_MAX_ANNOTATIONS, actual: options.items.length },
      },
      { limit: IMPORT_MAX_ANNOTATIONS, actual: options.items.length },
    );
  }
  // Anchored on the text as it is now: a correction (which locks the row FOR NO KEY UPDATE) waits for
  // this import, or this import for it — never highlights placed on a text that changed.
  await tx.$executeRaw`SELECT 1 FROM articles WHERE id = ${options.articleId}::uuid FOR SHARE`;
  const article = await tx.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      id: true,
      teamId: true,
      text: true,
      ...myMembership(options.userId),
      sentences: {
        where: { retiredAt: null },
        orderBy: { index: 'asc' },
        select: { id: true, index: true, start: true, end: true },
      },
    },
  });
  if (!article) throw notFound('article');
  requirePermission(article.team.memberships[0], 'annotation.create');
  const order = new Map(article.sentences.map((s) => [s.id, s.index]));

  const rows: {
    id: string;
    note: string | null;
    exact: string;
    prefix: string;
    suffix: string;
    start: number;
    end: number;
    sentenceIds: string[];
    selector: Selector[];
  }[] = [];
  const skipped: string[] = [];
  for (const [i, item] of options.items.entries()) {
    // Numbered only among several (« (annotation 3) »), in the importer's language.
    const where = { item: options.items.length > 1 ? i + 1 : 0 };
    const locale = currentLocale();
    // A new highlight matches the text exactly or is refused: no fuzzy search on this path.
    const placed = anchorExactly(item.selector, article.text);
    if (!placed) {
      skipped.push(errorText(locale, { key: 'selection.noMatch', values: where }));
      continue;
    }
    const [quote, position] = describeRange(article.text, placed);
    // Positions alone (an import) may cover nothing visible: refused like a blank quote.
    if (isBlankQuote(quote.exact)) {
      skipped.push(errorText(locale, { key: 'selection.blank', values: where }));
      continue;
    }
    const touched = unitsTouchedInOrder(article.sentences, placed);
    if (touched.length === 0) {
      skipped.push(errorText(locale, { key: 'selection.noSentence', values: where }));
      continue;
    }
    rows.push({
      id: randomUUID(),
      note: item.note,
      exact: quote.exact,
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
      start: position.start,
      end: position.end,
      sentenceIds: touched
        .map((s) => s.id)
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      selector: [quote, position],
    });
    if (i % 250 === 249) await options.onProgress?.((i + 1) / options.items.length);
  }
  if (rows.length === 0) return { imported: [], importedCount: 0, skipped };

  // A write sent with an Idempotency-Key claims it here, in this transaction.
  await claimIdempotencyKey(tx, options.userId);
  // Multi-row statements: the highlights, their sentence links and one audit event each.
  for (let i = 0; i < rows.length; i += ROW_BATCH) {
    const batch = JSON.stringify(rows.slice(i, i + ROW_BATCH));
    await tx.$executeRaw`
      INSERT INTO annotations (id, article_id, author_id, note, quote_exact, quote_prefix,
                               quote_suffix, position_start, position_end, updated_at)
      SELECT u.id, ${article.id}::uuid, ${options.userId}::uuid, u.note, u.exact, u.prefix,
             u.suffix, u.start, u."end", now()
        FROM jsonb_to_recordset(${batch}::jsonb)
          AS u(id uuid, note text, exact text, prefix text, suffix text, start int, "end" int)`;
    await tx.$executeRaw`
      INSERT INTO annotation_sentences (annotation_id, sentence_id)
      SELECT u.id, s.id::uuid
        FROM jsonb_to_recordset(${batch}::jsonb) AS u(id uuid, "sentenceIds" jsonb),
             jsonb_array_elements_text(u."sentenceIds") AS s(id)`;
    await tx.$executeRaw`
      INSERT INTO audit_events (team_id, article_id, sentence_id, actor_id, action, entity_type,
                                entity_id, after)
      SELECT ${article.teamId}::uuid, ${article.id}::uuid, (u."sentenceIds"->>0)::uuid,
             ${options.userId}::uuid, 'annotation.create', 'annotation', u.id,
             jsonb_build_object('note', u.note, 'sentenceIds', u."sentenceIds",
                                'selector', u.selector)
        FROM jsonb_to_recordset(${batch}::jsonb)
          AS u(id uuid, note text, "sentenceIds" jsonb, selector jsonb)`;
  }
  // One announcement for the whole import (each viewer refetches the highlights once).
  const last = rows[rows.length - 1]!;
  const event = await tx.auditEvent.findFirst({
    where: { entityType: 'annotation', entityId: last.id },
    select: { id: true },
  });
  await notifyChange(tx, {
    eventId: event ? event.id.toString() : null,
    articleId: article.id,
    sentenceId: last.sentenceIds[0] ?? null,
    type: 'annotation.create',
    entity: 'annotation',
    id: last.id,
    actorId: options.userId,
  });

  const position = new Map(rows.map((row, i) => [row.id, i]));
  const imported = options.returnRows
    ? (
        await tx.annotation.findMany({
          where: { id: { in: rows.map((row) => row.id) } },
          select: annotationSelect,
        })
      )
        .map((row) => serializeAnnotation(row, order))
        .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
    : [];
  return { imported, importedCount: rows.length, skipped };
}
