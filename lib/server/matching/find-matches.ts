// "Already checked?" (issue 16): the approved verdicts of my teams that check the same claim as
// a sentence, or as any text (a claim heard on the radio). PostgreSQL narrows the candidates —
// trigram similarity (pg_trgm's `%`, GIN index) or any shared lexeme in the claim's language
// (full-text, GIN index) — and gives both measures; lib/matching/score.ts decides, with the
// figures, years, names and negation of both claims, and says why. Computed on demand: opening
// an article never waits for it.
import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { claimFeatures, type ClaimFeatures } from '@/lib/matching/features';
import { scoreMatch, type MatchReason } from '@/lib/matching/score';
import type { Rating } from '@/lib/reports/verdict-scale';
import { AppError, notFound } from '@/lib/server/errors';
import { checkableSentenceSql } from '@/lib/server/sentences/checkable';
import { claimSearchQuerySchema } from '@/lib/validations/matching';

/** Matches returned at most. */
export const MATCHES_SHOWN = 5;
/** The longest text matched: a sentence longer than this is matched on its beginning. */
const MATCH_TEXT_MAX = 2_000;
/** Candidates PostgreSQL hands to the score at most (the best by wording first). */
const CANDIDATES = 50;

export interface ClaimMatch {
  sentenceId: string;
  articleId: string;
  articleTitle: string;
  /** 1-based, as the reader and the reports number sentences. */
  sentenceNumber: number;
  /** What was matched: the verdict's claim summary, else the sentence. */
  claim: string;
  rating: Rating;
  author: { id: string; name: string } | null;
  approvedAt: string;
  score: number;
  reasons: MatchReason[];
}

interface CandidateRow {
  sentence_id: string;
  text: string;
  figures: string[] | null;
  years: string[] | null;
  entities: string[] | null;
  negated: boolean;
  trigram: number;
  rank: number;
  index: number;
  article_id: string;
  title: string;
  rating: Rating;
  approved_at: Date;
  author_id: string | null;
  author_name: string | null;
}

async function matchClaims(options: {
  teamIds: string[];
  text: string;
  language: string;
  excludeSentenceId: string | null;
}): Promise<ClaimMatch[]> {
  if (options.teamIds.length === 0 || options.text.trim() === '') return [];
  const text = options.text.slice(0, MATCH_TEXT_MAX);
  const query: ClaimFeatures = claimFeatures(text);
  const terms = Prisma.sql`(SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | '))
      FROM unnest(to_tsvector(factdesk_text_search_config(${options.language}), ${text})))`;
  const rows = await prisma.$queryRaw<CandidateRow[]>`
    WITH terms AS (SELECT ${terms} AS query)
    SELECT c.sentence_id, c.text, c.figures, c.years, c.entities, c.negated,
           similarity(c.text, ${text}) AS trigram,
           ts_rank_cd(c.search, terms.query, 32) AS rank,
           s.index, a.id AS article_id, a.title, p.rating::text AS rating, p.approved_at,
           p.author_id, author.name AS author_name
      FROM claim_index c
      CROSS JOIN terms
      JOIN sentences s ON s.id = c.sentence_id
      JOIN articles a ON a.id = s.article_id
      JOIN published_verdicts p ON p.sentence_id = c.sentence_id
      LEFT JOIN users author ON author.id = p.author_id
     WHERE c.team_id = ANY(${options.teamIds}::uuid[])
       AND ${checkableSentenceSql('s')}
       AND (${options.excludeSentenceId}::uuid IS NULL OR c.sentence_id <> ${options.excludeSentenceId}::uuid)
       AND (c.text % ${text} OR c.search @@ terms.query)
     ORDER BY similarity(c.text, ${text}) + ts_rank_cd(c.search, terms.query, 32) DESC
     LIMIT ${CANDIDATES}`;
  return rows
    .map((row) => {
      const result = scoreMatch(
        query,
        {
          figures: row.figures ?? [],
          years: row.years ?? [],
          entities: row.entities ?? [],
          negated: row.negated,
        },
        { trigram: Number(row.trigram), rank: Number(row.rank) },
      );
      return { row, result };
    })
    .filter(({ result }) => result.match)
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, MATCHES_SHOWN)
    .map(({ row, result }) => ({
      sentenceId: row.sentence_id,
      articleId: row.article_id,
      articleTitle: row.title,
      sentenceNumber: row.index + 1,
      claim: row.text,
      rating: row.rating,
      author:
        row.author_id && row.author_name ? { id: row.author_id, name: row.author_name } : null,
      approvedAt: row.approved_at.toISOString(),
      score: result.score,
      reasons: result.reasons,
    }));
}

/** The approved verdicts of the sentence's team that check the same claim (not its own). */
export async function findSentenceMatches(options: {
  userId: string;
  sentenceId: string;
}): Promise<ClaimMatch[]> {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const sentence = await prisma.sentence.findFirst({
    where: {
      id: options.sentenceId,
      article: { team: { memberships: { some: { userId: options.userId } } } },
    },
    select: { id: true, text: true, article: { select: { teamId: true, language: true } } },
  });
  if (!sentence) throw notFound('sentence');
  return matchClaims({
    teamIds: [sentence.article.teamId],
    text: sentence.text,
    language: sentence.article.language,
    excludeSentenceId: sentence.id,
  });
}

/** Any text (`q`, in language `lang`) against the approved verdicts of all my teams. */
export async function searchClaims(options: {
  userId: string;
  query: unknown;
}): Promise<ClaimMatch[]> {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const { q, lang } = claimSearchQuerySchema.parse(options.query);
  const teams = await prisma.membership.findMany({
    where: { userId: options.userId },
    select: { teamId: true },
  });
  return matchClaims({
    teamIds: teams.map((t) => t.teamId),
    text: q,
    language: lang,
    excludeSentenceId: null,
  });
}
