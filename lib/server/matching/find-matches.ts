// "Already checked?" (issue 16): the approved verdicts of my teams — and the fact-checks of the
// other organisations they trust — that check the same claim as a sentence, or as any text (a
// claim heard on the radio). PostgreSQL narrows the candidates —
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
import { articleMatchesQuerySchema, claimSearchQuerySchema } from '@/lib/validations/matching';
import { articleOfMember } from '@/lib/server/access';
import { cachedMatches, type MatchableSentence } from './match-cache';

/** Matches returned at most. */
export const MATCHES_SHOWN = 5;
/** The longest text matched: a sentence longer than this is matched on its beginning. */
const MATCH_TEXT_MAX = 2_000;
/** Candidates PostgreSQL hands to the score at most (the best by wording first). */
const CANDIDATES = 50;

interface MatchCommon {
  /** What was matched: the verdict's claim summary (else the sentence), the ClaimReview's claim. */
  claim: string;
  score: number;
  reasons: MatchReason[];
}

/** One of the team's approved verdicts. */
export interface VerdictMatch extends MatchCommon {
  kind: 'verdict';
  sentenceId: string;
  articleId: string;
  articleTitle: string;
  /** 1-based, as the reader and the reports number sentences. */
  sentenceNumber: number;
  rating: Rating;
  author: { id: string; name: string } | null;
  approvedAt: string;
}

/** Another organisation's fact-check, from a publisher the team trusts. */
export interface ExternalMatch extends MatchCommon {
  kind: 'external';
  factCheckId: string;
  /** The fact-check's page. */
  url: string;
  claimant: string | null;
  /** On FactDesk's scale when the publisher's numbers allow, else null (see ratingName). */
  rating: Rating | null;
  /** The publisher's own verdict, as written (`alternateName`). */
  ratingName: string | null;
  publisher: { name: string; url: string | null };
  /** The fact-check's date ('YYYY-MM-DD'), when it has one. */
  reviewDate: string | null;
}

export type ClaimMatch = VerdictMatch | ExternalMatch;

interface CandidateRow {
  sentence_id: string | null;
  external_id: string | null;
  text: string;
  figures: string[] | null;
  years: string[] | null;
  entities: string[] | null;
  negated: boolean;
  trigram: number;
  rank: number;
  index: number | null;
  article_id: string | null;
  title: string | null;
  rating: Rating | null;
  approved_at: Date | null;
  author_id: string | null;
  author_name: string | null;
  url: string | null;
  claimant: string | null;
  rating_name: string | null;
  review_date: Date | null;
  publisher_name: string | null;
  publisher_url: string | null;
}

function toMatch(row: CandidateRow, score: number, reasons: MatchReason[]): ClaimMatch {
  if (row.external_id) {
    return {
      kind: 'external',
      factCheckId: row.external_id,
      url: row.url!,
      claim: row.text,
      claimant: row.claimant,
      rating: row.rating,
      ratingName: row.rating_name,
      publisher: { name: row.publisher_name!, url: row.publisher_url },
      reviewDate: row.review_date ? row.review_date.toISOString().slice(0, 10) : null,
      score,
      reasons,
    };
  }
  return {
    kind: 'verdict',
    sentenceId: row.sentence_id!,
    articleId: row.article_id!,
    articleTitle: row.title!,
    sentenceNumber: row.index! + 1,
    claim: row.text,
    rating: row.rating!,
    author: row.author_id && row.author_name ? { id: row.author_id, name: row.author_name } : null,
    approvedAt: row.approved_at!.toISOString(),
    score,
    reasons,
  };
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
    SELECT c.sentence_id, c.external_id, c.text, c.figures, c.years, c.entities, c.negated,
           similarity(c.text, ${text}) AS trigram,
           ts_rank_cd(c.search, terms.query, 32) AS rank,
           s.index, a.id AS article_id, a.title,
           COALESCE(p.rating, e.rating)::text AS rating, p.approved_at,
           p.author_id, author.name AS author_name,
           e.url, e.claimant, e.rating_name, e.review_date,
           pub.name AS publisher_name, pub.url AS publisher_url
      FROM claim_index c
      CROSS JOIN terms
      LEFT JOIN sentences s ON s.id = c.sentence_id
      LEFT JOIN articles a ON a.id = s.article_id
      LEFT JOIN published_verdicts p ON p.sentence_id = c.sentence_id
      LEFT JOIN users author ON author.id = p.author_id
      LEFT JOIN external_fact_checks e ON e.id = c.external_id
      LEFT JOIN fact_check_publishers pub ON pub.id = e.publisher_id
     WHERE c.team_id = ANY(${options.teamIds}::uuid[])
       AND (c.text % ${text} OR c.search @@ terms.query)
       AND CASE WHEN c.sentence_id IS NOT NULL
                THEN p.sentence_id IS NOT NULL AND ${checkableSentenceSql('s')}
                     AND (${options.excludeSentenceId}::uuid IS NULL
                          OR c.sentence_id <> ${options.excludeSentenceId}::uuid)
                ELSE pub.trusted AND e.team_id = c.team_id END
     ORDER BY similarity(c.text, ${text}) + ts_rank_cd(c.search, terms.query, 32) DESC
     LIMIT ${CANDIDATES}`;
  return (
    rows
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
      // The team's own verdicts first, then trusted external ones; the best first in each.
      .sort(
        (a, b) =>
          Number(a.row.external_id !== null) - Number(b.row.external_id !== null) ||
          b.result.score - a.result.score,
      )
      .slice(0, MATCHES_SHOWN)
      .map(({ row, result }) => toMatch(row, result.score, result.reasons))
  );
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
  return sentenceMatches({
    id: sentence.id,
    teamId: sentence.article.teamId,
    text: sentence.text,
    language: sentence.article.language,
  });
}

/** A sentence's matches within its own team, cached (match-cache.ts). */
export function sentenceMatches(sentence: MatchableSentence): Promise<ClaimMatch[]> {
  return cachedMatches(sentence, () =>
    matchClaims({
      teamIds: [sentence.teamId],
      text: sentence.text,
      language: sentence.language,
      excludeSentenceId: sentence.id,
    }),
  );
}

export interface MatchMark {
  sentenceId: string;
  /** Matches shown in the panel (up to 5). */
  count: number;
  /** The first one's rating (the team's verdict first), when it has one on FactDesk's scale. */
  rating: Rating | null;
  kind: ClaimMatch['kind'];
}

/**
 * For the triage list: which of `sentenceIds` (the article's, ARTICLE_MATCHES_MAX_SENTENCES at
 * most) have a match — computed now for those the cache lacks, so its cost is bounded.
 */
export async function listMatchMarks(options: {
  userId: string;
  articleId: string;
  query: unknown;
}): Promise<MatchMark[]> {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const { sentences: ids } = articleMatchesQuerySchema.parse(options.query);
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      teamId: true,
      language: true,
      sentences: { where: { id: { in: ids } }, select: { id: true, text: true } },
    },
  });
  if (!article) throw notFound('article');
  const marks: MatchMark[] = [];
  for (const sentence of article.sentences) {
    const matches = await sentenceMatches({
      id: sentence.id,
      teamId: article.teamId,
      text: sentence.text,
      language: article.language,
    });
    if (matches.length > 0) {
      marks.push({
        sentenceId: sentence.id,
        count: matches.length,
        rating: matches[0].rating,
        kind: matches[0].kind,
      });
    }
  }
  return marks;
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
