// Full-text search across the caller's teams: the sentences' text and what members wrote on
// them — highlight notes, verdict rationales, comments — with PostgreSQL full-text search in
// each article's language configuration (French, English, else 'simple'; all three unaccented,
// so « coree » finds « Corée »: prisma/migrations/20261203020000_search_unaccent), ranked, with
// highlighted snippets, filterable by published verdict, review state, reviewer and date.
// One result per sentence, saying what matched. Membership is part of the query itself, and so
// are the reading rules: a teammate's draft verdict is its author's alone (isVisibleVerdict in
// lib/server/audit/redact.ts), a deleted comment is gone.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import type { Rating } from '@/lib/reports';
import { checkableSentenceSql } from '@/lib/server/sentences/checkable';
import { sentenceState, type SentenceState } from '@/lib/workflow/sentence-state';
import { sentenceHref } from '@/lib/workflow/sentence-link';
import type { searchResponseDto } from '@/lib/validations/dto/search';
import {
  SEARCH_MATCH_KINDS,
  searchQuerySchema,
  type SearchMatchKind,
} from '@/lib/validations/search';

const PAGE_SIZE = 25;
/** Ranked candidates fetched before the state filter, which is computed in code. */
const CANDIDATES = 500;
/** Notes, rationales and comments shown under one result, best ranked first. */
const MATCHES_PER_RESULT = 3;

/** Snippet markers: control characters no article text contains (the text is sanitised). */
export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

interface MatchRow {
  kind: Exclude<SearchMatchKind, 'sentence'>;
  id: string;
  snippet: string;
  author_id: string | null;
  author_name: string | null;
}

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
  kinds: SearchMatchKind[];
  matches: MatchRow[] | null;
  published_rating: Rating | null;
}

export type SearchResponse = z.output<typeof searchResponseDto>;

export async function searchSentences(options: {
  userId: string;
  query: unknown;
}): Promise<SearchResponse> {
  const query = searchQuerySchema.parse(options.query ?? {});
  const page = query.page ?? 1;
  if (query.q === '' && !query.rating && !query.state && !query.reviewer) {
    return { query: query.q, page, total: 0, results: [] };
  }
  const userId = options.userId;
  const q = query.q;
  // Without words (filters only), every sentence in scope is a candidate and nothing else is
  // searched. The query of each article is built once per article, in its configuration.
  const rows = await prisma.$queryRaw<Row[]>`
    WITH scope AS MATERIALIZED (
      SELECT a.id, a.title, a.language, t.name AS team_name, c.cfg,
             websearch_to_tsquery(c.cfg, ${q}) AS tsq,
             COALESCE(a.published_at, a.created_at::date)::timestamp AS article_date
        FROM articles a
        JOIN teams t ON t.id = a.team_id
        JOIN memberships m ON m.team_id = a.team_id AND m.user_id = ${userId}::uuid
       CROSS JOIN LATERAL (SELECT factdesk_text_search_config(a.language) AS cfg) c
       WHERE (${query.teamId ?? null}::uuid IS NULL OR a.team_id = ${query.teamId ?? null}::uuid)
         AND (${query.from ?? null}::date IS NULL
              OR COALESCE(a.published_at, a.created_at::date) >= ${query.from ?? null}::date)
         AND (${query.to ?? null}::date IS NULL
              OR COALESCE(a.published_at, a.created_at::date) <= ${query.to ?? null}::date)
    ),
    hits AS (
      SELECT s.id AS sentence_id, 'sentence'::text AS kind, NULL::uuid AS source_id,
             CASE WHEN ${q} = '' THEN 0 ELSE ts_rank(s.search, sc.tsq) END AS rank,
             NULL::text AS body, NULL::uuid AS author_id
        FROM scope sc
        JOIN sentences s ON s.article_id = sc.id
       WHERE ${checkableSentenceSql('s')}
         AND (${q} = '' OR s.search @@ sc.tsq)
      UNION ALL
      -- A highlight's note, on the first current sentence it covers.
      SELECT x.sentence_id, 'note', n.id, ts_rank(n.search, sc.tsq), n.note, n.author_id
        FROM scope sc
        JOIN annotations n ON n.article_id = sc.id
       CROSS JOIN LATERAL (
             SELECT s.id AS sentence_id
               FROM annotation_sentences l
               JOIN sentences s ON s.id = l.sentence_id
              WHERE l.annotation_id = n.id AND ${checkableSentenceSql('s')}
              ORDER BY s.index
              LIMIT 1) x
       WHERE ${q} <> '' AND n.search @@ sc.tsq
      UNION ALL
      -- A rationale: submitted, approved or sent back, or the caller's own draft — never a
      -- teammate's draft.
      SELECT v.sentence_id, 'rationale', v.id, ts_rank(v.search, sc.tsq), v.rationale,
             v.author_id
        FROM scope sc
        JOIN sentences s ON s.article_id = sc.id
        JOIN verdicts v ON v.sentence_id = s.id
       WHERE ${q} <> '' AND v.search @@ sc.tsq
         AND (v.status <> 'draft' OR v.author_id = ${userId}::uuid)
         AND ${checkableSentenceSql('s')}
      UNION ALL
      SELECT c.sentence_id, 'comment', c.id, ts_rank(c.search, sc.tsq), c.body, c.author_id
        FROM scope sc
        JOIN comments c ON c.article_id = sc.id
        JOIN sentences s ON s.id = c.sentence_id
       WHERE ${q} <> '' AND c.deleted_at IS NULL AND c.search @@ sc.tsq
         AND ${checkableSentenceSql('s')}
    ),
    candidates AS (
      SELECT sentence_id, max(rank) AS rank, bool_or(kind = 'sentence') AS text_matched,
             array_agg(DISTINCT kind) AS kinds
        FROM hits
       GROUP BY sentence_id
    )
    SELECT s.id, s.index, s.text, sc.id AS article_id, sc.title, sc.language, sc.team_name,
           sc.article_date, c.rank, c.kinds::text[] AS kinds,
           CASE WHEN ${q} <> '' AND c.text_matched
                THEN ts_headline(sc.cfg, s.text, sc.tsq, ${HEADLINE_OPTIONS})
                ELSE s.text
           END AS snippet,
           (SELECT json_agg(json_build_object(
                     'kind', m.kind, 'id', m.source_id, 'author_id', m.author_id,
                     'author_name', m.author_name,
                     'snippet', ts_headline(sc.cfg, m.body, sc.tsq, ${HEADLINE_OPTIONS}))
                     ORDER BY m.rank DESC, m.source_id)
              FROM (SELECT h.*, u.name AS author_name
                      FROM hits h
                      LEFT JOIN users u ON u.id = h.author_id
                     WHERE h.sentence_id = s.id AND h.kind <> 'sentence'
                     ORDER BY h.rank DESC, h.source_id
                     LIMIT ${MATCHES_PER_RESULT}) m) AS matches,
           p.rating AS published_rating
      FROM candidates c
      JOIN sentences s ON s.id = c.sentence_id
      JOIN scope sc ON sc.id = s.article_id
      LEFT JOIN published_verdicts p ON p.sentence_id = s.id
     WHERE (${query.rating ?? null}::text IS NULL OR p.rating::text = ${query.rating ?? null}::text)
       AND (${query.reviewer ?? null}::uuid IS NULL OR EXISTS (
             SELECT 1 FROM verdicts v
              WHERE v.sentence_id = s.id AND v.author_id = ${query.reviewer ?? null}::uuid
                AND v.status <> 'draft'))
     ORDER BY c.rank DESC, sc.article_date DESC, sc.id, s.index
     LIMIT ${CANDIDATES}`;

  const states = await statesOf(rows.map((r) => r.id));
  const matching = rows
    .map((row) => ({ row, state: states.get(row.id) ?? 'unchecked' }))
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
      /** The reader at this sentence: its panel opened, `#sentence-{index+1}`. */
      href: sentenceHref(row.article_id, { id: row.id, index: row.index }),
      /** The sentence with matches between SNIPPET_START and SNIPPET_END. */
      snippet: row.snippet,
      /** What matched: the sentence's text and/or notes, rationales, comments on it. */
      matched: SEARCH_MATCH_KINDS.filter((kind) => row.kinds.includes(kind)),
      /** The best notes, rationales and comments that matched, each with its snippet. */
      matches: (row.matches ?? []).map((match) => ({
        kind: match.kind,
        id: match.id,
        author: match.author_id ? { id: match.author_id, name: match.author_name ?? '' } : null,
        snippet: match.snippet,
      })),
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
  return new Map(sentences.map((s) => [s.id, sentenceState(s.verdicts, s.published !== null)]));
}
