// « Déjà vérifié ? » (issue 16, first slice) on a real PostgreSQL: approved verdicts are indexed
// (pg_trgm and full text, created by the migrations) with their figures, years and names; a
// sentence's matches are the team's approved verdicts on the same claim — never one with a
// different figure or year, never another team's, never its own; any text can be searched.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { prisma } from '@/lib/db';
import { createArticle } from '@/lib/server/articles/create-article';
import { backfillClaimIndex } from '@/lib/server/matching/index-claims';
import { findSentenceMatches, searchClaims } from '@/lib/server/matching/find-matches';
import { approved, makeNewsroom, makeTeam, makeUser } from './fixtures';

const CHECKED =
  'Selon les services de renseignement, la Corée du Nord a livré cinq millions de projectiles à la Russie en 2024.';

async function articleWith(userId: string, teamId: string, text: string) {
  const article = await createArticle({ userId, input: { teamId, text, language: 'fr' } });
  return prisma.sentence.findMany({
    where: { articleId: article.id, kind: 'sentence' },
    orderBy: { index: 'asc' },
  });
}

describe('claim matching', () => {
  it('finds the team’s approved verdict on the same claim, and never a changed figure or year', async () => {
    const { editor, reviewer, reviewer2, team } = await makeNewsroom();
    const [checked] = await articleWith(editor.id, team.id, CHECKED);
    await approved(reviewer.id, reviewer2.id, checked!.id, {
      rating: 'false',
      rationale: 'Les estimations publiées parlent de trois millions.',
    });
    const indexed = await prisma.claimIndex.findUniqueOrThrow({
      where: { sentenceId: checked!.id },
    });
    expect(indexed).toMatchObject({
      teamId: team.id,
      text: CHECKED,
      language: 'fr',
      figures: ['5000000'],
      years: ['2024'],
      negated: false,
    });
    expect(indexed.entities).toContain('coree du nord');

    const sentences = await articleWith(
      editor.id,
      team.id,
      [
        'La Corée du Nord aurait livré 5 millions de projectiles à la Russie en 2024, selon Séoul.',
        'La Corée du Nord a livré trois millions de projectiles à la Russie en 2024.',
        'La Corée du Nord a livré cinq millions de projectiles à la Russie en 2022.',
        'Le prix du pain a augmenté de dix centimes à Paris.',
      ].join(' '),
    );
    const [same, otherFigure, otherYear, unrelated] = sentences;
    const matches = await findSentenceMatches({ userId: editor.id, sentenceId: same!.id });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      sentenceId: checked!.id,
      rating: 'false',
      claim: CHECKED,
      author: { id: reviewer.id },
    });
    expect(matches[0]!.reasons).toEqual(expect.arrayContaining(['same_figures', 'same_years']));
    for (const sentence of [otherFigure, otherYear, unrelated]) {
      expect(await findSentenceMatches({ userId: editor.id, sentenceId: sentence!.id })).toEqual(
        [],
      );
    }
    // Its own verdict is no match for itself.
    expect(await findSentenceMatches({ userId: editor.id, sentenceId: checked!.id })).toEqual([]);

    // Any text, in the searcher's teams only.
    const heard = await searchClaims({
      userId: reviewer.id,
      query: { q: 'Pyongyang a livré cinq millions de projectiles à Moscou en 2024', lang: 'fr' },
    });
    expect(heard.map((m) => (m.kind === 'verdict' ? m.sentenceId : m.factCheckId))).toEqual([
      checked!.id,
    ]);
    const stranger = await makeUser('Autre rédaction');
    await makeTeam([{ userId: stranger.id, role: 'owner' }], 'Ailleurs');
    expect(await searchClaims({ userId: stranger.id, query: { q: CHECKED, lang: 'fr' } })).toEqual(
      [],
    );
    await expect(
      findSentenceMatches({ userId: stranger.id, sentenceId: same!.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(searchClaims({ userId: reviewer.id, query: { q: '  ' } })).rejects.toBeInstanceOf(
      ZodError,
    );
  });

  it('fills the index for approved verdicts written before it existed', async () => {
    const { editor, reviewer, reviewer2, team } = await makeNewsroom();
    const [sentence] = await articleWith(editor.id, team.id, CHECKED);
    await approved(reviewer.id, reviewer2.id, sentence!.id, { rating: 'false' });
    await prisma.claimIndex.delete({ where: { sentenceId: sentence!.id } });
    expect(await backfillClaimIndex()).toBeGreaterThanOrEqual(1);
    expect(await prisma.claimIndex.count({ where: { sentenceId: sentence!.id } })).toBe(1);
  });
});
