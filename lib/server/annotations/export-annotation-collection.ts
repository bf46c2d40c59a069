// W3C Web Annotation export: an article's highlights as an AnnotationCollection (JSON-LD,
// TextQuote + TextPosition selectors, notes as TextualBody), read whole or streamed — the one
// use-case in two deliveries, sharing their queries. The stream sends a count first (with the
// access check), then the highlights in batches, so 20,000 of them never sit in memory at once.
// The import is import-annotation-collection.ts.
import 'server-only';
import { prisma } from '@/lib/db';
import {
  annotationCollectionWriter,
  toAnnotationCollection,
  type AnnotationCollectionHead,
  type W3CAnnotationInput,
  writePieces,
} from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { AppError, notFound } from '@/lib/server/errors';
import { textStream } from '@/lib/server/reports/text-stream';

/** Highlights read per query while streaming the export. */
const ANNOTATION_EXPORT_BATCH_SIZE = 1000;

/** Orphaned highlights have no place in the current text: they are not exported. */
const EXPORTED = { anchorStatus: { not: 'orphaned' } } as const;

/** One exported highlight as the batch query returns it (see listExportedAnnotations). */
interface ExportRow {
  id: string;
  note: string | null;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  created_at: Date;
  author_id: string;
  author_name: string;
}

function toInput(row: ExportRow): W3CAnnotationInput {
  return {
    id: row.id,
    note: row.note,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: row.quote_exact,
        prefix: row.quote_prefix,
        suffix: row.quote_suffix,
      },
      { type: 'TextPositionSelector', start: row.position_start, end: row.position_end },
    ],
  };
}

/**
 * The collection's header: the article (membership checked in the query) and how many
 * highlights the export holds. Throws not_found for a missing article or a non-member.
 */
async function getCollectionHead(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<AnnotationCollectionHead> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      id: true,
      title: true,
      language: true,
      team: { select: { publicationLanguage: true } },
      _count: { select: { annotations: { where: EXPORTED } } },
    },
  });
  if (!article) throw notFound('article');
  const articleUrl = new URL(`/articles/${article.id}`, options.baseUrl).toString();
  return {
    collectionId: new URL(
      `/api/v1/articles/${article.id}/annotations?format=w3c`,
      options.baseUrl,
    ).toString(),
    sourceUrl: articleUrl,
    annotationBaseUrl: `${articleUrl}#annotation-`,
    label: article.title,
    language: article.language,
    noteLanguage: article.team.publicationLanguage,
    total: article._count.annotations,
  };
}

/**
 * The exported highlights in text order (start offset, then id), `batchSize` per query: keyset
 * pagination on (start, id), which the (article, start) index serves as a range scan, and the
 * membership check in every query's WHERE. One SQL query per batch, the author's name joined.
 * Like the report's claims, the first query starts at once and each next one as soon as the
 * previous batch arrives.
 */
function listExportedAnnotations(options: {
  userId: string;
  articleId: string;
  batchSize?: number;
}): AsyncGenerator<W3CAnnotationInput[]> {
  // articleOfMember's guard, for the SQL below: never query with an empty user id.
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? ANNOTATION_EXPORT_BATCH_SIZE));
  const read = (after: { start: number; id: string } | null): Promise<ExportRow[]> => {
    const rows = prisma.$queryRaw<ExportRow[]>`
      SELECT a.id, a.note, a.quote_exact, a.quote_prefix, a.quote_suffix,
             a.position_start, a.position_end, a.created_at, a.author_id,
             author.name AS author_name
        FROM annotations a
        JOIN users author ON author.id = a.author_id
       WHERE a.article_id = ${options.articleId}::uuid
         AND a.anchor_status <> 'orphaned'
         AND (${after?.start ?? null}::int IS NULL
              OR (a.position_start >= ${after?.start ?? null}::int
                  AND (a.position_start, a.id) > (${after?.start ?? null}::int, ${after?.id ?? null}::uuid)))
         AND EXISTS (SELECT 1
                       FROM articles art
                       JOIN memberships m ON m.team_id = art.team_id
                      WHERE art.id = a.article_id AND m.user_id = ${options.userId}::uuid)
       ORDER BY a.position_start, a.id
       LIMIT ${batchSize}`;
    // Started now; a batch nobody waits for any more must not become an unhandled rejection.
    rows.catch(() => {});
    return rows;
  };
  const first = read(null);
  return (async function* () {
    let next = first;
    for (;;) {
      const rows = await next;
      const full = rows.length === batchSize;
      if (full) {
        const last = rows[rows.length - 1]!;
        next = read({ start: last.position_start, id: last.id });
      }
      if (rows.length > 0) yield rows.map(toInput);
      if (!full) return;
    }
  })();
}

/** The article's highlights as one W3C AnnotationCollection object (read whole). */
export async function exportAnnotationCollection(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
  batchSize?: number;
}) {
  const head = await getCollectionHead(options);
  const annotations: W3CAnnotationInput[] = [];
  for await (const batch of listExportedAnnotations(options)) annotations.push(...batch);
  return toAnnotationCollection({ ...head, annotations });
}

/**
 * The same collection as compact JSON, streamed: the header query (access check, count) runs
 * before this resolves, so a non-member gets a normal error answer; the highlights are read in
 * batches while the stream is consumed.
 */
export async function streamAnnotationCollection(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
  batchSize?: number;
}): Promise<ReadableStream<Uint8Array>> {
  // Both start now: the first highlights are read while the header query checks access.
  const annotations = listExportedAnnotations(options);
  const head = await getCollectionHead(options);
  return textStream(writePieces(annotationCollectionWriter(head), annotations), {
    label: `the W3C annotation export of article ${options.articleId}`,
  });
}
