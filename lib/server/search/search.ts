// Full-text search across the sentences of the caller's teams: PostgreSQL full-text search with
// each article's language configuration (French, English, else 'simple'), ranked, with a
// highlighted snippet, filterable by published verdict, review state, reviewer and date.
// Membership is part of the query itself.
import 'server-only';
import { prisma } from '@/lib/db';
import type { Rating } from '@/lib/reports';
import {
  sentenceState,
  type SentenceState,
  type VerdictStatus,
} from '@/lib/workflow/sentence-state';
import { searchQuerySchema } from '@/lib/validations/search';

const PAGE_SIZE = 25;
/** Ranked candidates fetched before the state filter, which is computed in code. */
const CANDIDATES = 500;

/** Snippet markers: control characters no article text contains (the text is sanitised). */
export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';

interface Row {
  id: string;
  index: number;
  text: string;
  article_id: string;
  title: string;
  language: string;
  team_name: string;
  article_date: Date;
  rank: number;
  snippet: string;
  published_rating: Rating | null;
}

export async function searchSentences(options: { userId: string; query: unknown }) {
  const query = searchQuerySchema.parse(options.query ?? {});
  const page = query.page ?? 1;
  if (query.q === '' && !query.rating && !query.state && !query.reviewer) {
    return { query: query.q, page, total: 0, results: [] };
  }
  const userId = options.userId;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT s.id, s.index, s.text, s.article_id, a.title, a.language, t.name AS team_name,
           COALESCE(a.published_at, a.created_at::date)::timestamp AS article_date,
           CASE WHEN ${query.q} = '' THEN 0 ELSE ts_rank(s.search, q.tsq) END AS rank,
           CASE WHEN ${query.q} = '' THEN s.text
                ELSE ts_headline(c.cfg, s.text, q.tsq,
                  ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`})
           END AS snippet,
           p.rating AS published_rating
      FROM sentences s
      JOIN articles a ON a.id = s.article_id
      JOIN teams t ON t.id = a.team_id
      JOIN memberships m ON m.team_id = a.team_id AND m.user_id = ${userId}::uuid
      LEFT JOIN published_verdicts p ON p.sentence_id = s.id
     CROSS JOIN LATERAL (SELECT factdesk_text_search_config(a.language) AS cfg) c
     CROSS JOIN LATERAL (SELECT websearch_to_tsquery(c.cfg, ${query.q}) AS tsq) q
     WHERE s.retired_at IS NULL
       AND s.kind = 'sentence'
       AND (${query.q} = '' OR s.search @@ q.tsq)
       AND (${query.teamId ?? null}::uuid IS NULL OR a.team_id = ${query.teamId ?? null}::uuid)
       AND (${query.rating ?? null}::text IS NULL OR p.rating::text = ${query.rating ?? null}::text)
       AND (${query.reviewer ?? null}::uuid IS NULL OR EXISTS (
             SELECT 1 FROM verdicts v
              WHERE v.sentence_id = s.id AND v.author_id = ${query.reviewer ?? null}::uuid
                AND v.status <> 'draft'))
       AND (${query.from ?? null}::date IS NULL
            OR COALESCE(a.published_at, a.created_at::date) >= ${query.from ?? null}::date)
       AND (${query.to ?? null}::date IS NULL
            OR COALESCE(a.published_at, a.created_at::date) <= ${query.to ?? null}::date)
     ORDER BY rank DESC, article_date DESC, a.id, s.index
     LIMIT ${CANDIDATES}`;

  const states = await statesOf(rows.map((r) => r.id));
  const matching = rows
    .map((row) => ({ row, state: states.get(row.id) ?? ('unchecked' as SentenceState) }))
    .filter(({ state }) => !query.state || state === query.state);
  const slice = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return {
    query: query.q,
    page,
    total: matching.length,
    results: slice.map(({ row, state }) => ({
      sentence: { id: row.id, index: row.index, text: row.text },
      article: {
        id: row.article_id,
        title: row.title,
        language: row.language,
        teamName: row.team_name,
        date: row.article_date.toISOString().slice(0, 10),
      },
      /** The sentence with matches between SNIPPET_START and SNIPPET_END. */
      snippet: row.snippet,
      rank: Number(row.rank),
      rating: row.published_rating,
      state,
    })),
  };
}

async function statesOf(sentenceIds: string[]): Promise<Map<string, SentenceState>> {
  if (sentenceIds.length === 0) return new Map();
  const sentences = await prisma.sentence.findMany({
    where: { id: { in: sentenceIds } },
    select: {
      id: true,
      published: { select: { sentenceId: true } },
      verdicts: { select: { rating: true, status: true } },
    },
  });
  return new Map(
    sentences.map((s) => [
      s.id,
      sentenceState(
        s.verdicts.map((v) => ({ rating: v.rating, status: v.status as VerdictStatus })),
        s.published !== null,
      ),
    ]),
  );
}
