// Claim matching's measured quality (issue 16) on the labelled FR+EN set
// (tests/fixtures/claim-matching/eval-set.json), through the real pipeline: every candidate is
// imported as a trusted organisation's ClaimReview (features, trigram and full-text indexes in
// PostgreSQL), each query searched with GET /api/v1/claims/search's function, and the answers
// scored by lib/matching/evaluate.ts. The floors are the README's figures, rounded down: a change
// that makes matching worse fails here; a different figure or year must never match.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFactChecks } from '@/lib/server/fact-checks/import-fact-checks';
import { searchClaims } from '@/lib/server/matching/find-matches';
import { evaluateMatching, type EvalPair } from '@/lib/matching/evaluate';
import { makeNewsroom } from './fixtures';

const { pairs } = JSON.parse(
  readFileSync(path.join(process.cwd(), 'tests/fixtures/claim-matching/eval-set.json'), 'utf8'),
) as { pairs: EvalPair[] };

function evalDocument(set: readonly EvalPair[]): string {
  return JSON.stringify(
    set.map((pair) => ({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://eval.factdesk.example/${pair.id}`,
      claimReviewed: pair.candidate,
      inLanguage: pair.candidateLang ?? pair.lang,
      author: { '@type': 'Organization', name: 'Évaluation' },
      reviewRating: { '@type': 'Rating', alternateName: 'Faux' },
    })),
  );
}

describe('claim matching on the labelled evaluation set', () => {
  it('meets the README’s figures, and never matches a changed figure or year', async () => {
    const { editor, team } = await makeNewsroom();
    const outcome = await importFactChecks({
      userId: editor.id,
      teamId: team.id,
      input: { document: evalDocument(pairs), trust: true },
    });
    expect(outcome.skipped).toEqual([]);
    expect(outcome.imported).toBe(new Set(pairs.map((p) => p.candidate)).size);

    const returned = new Map<string, string[]>();
    for (const pair of pairs) {
      const matches = await searchClaims({
        userId: editor.id,
        query: { q: pair.query.slice(0, 500), lang: pair.lang },
      });
      returned.set(
        pair.id,
        matches.map((match) => match.claim),
      );
    }
    const metrics = evaluateMatching(pairs, returned);
    console.info(`claim matching evaluation: ${JSON.stringify(metrics)}`);
    expect(metrics.changedFigureRate).toBe(0);
    expect(metrics.precisionAt1).toBeGreaterThanOrEqual(0.9);
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.8);
  });
});
