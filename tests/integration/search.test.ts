// Search (issue 12, point 9): accents and case do not matter (« coree » finds « Corée »), and
// what members wrote on a sentence is searched too — highlight notes, verdict rationales,
// comments — each result saying what matched and linking to the sentence in the reader. A
// teammate's draft verdict and a deleted comment are never found; other teams never.
import { describe, expect, it } from 'vitest';
import { describeRange } from '@/lib/anchoring';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { createArticle } from '@/lib/server/articles/create-article';
import { createComment } from '@/lib/server/comments/create-comment';
import { deleteComment } from '@/lib/server/comments/delete-comment';
import { searchSentences, SNIPPET_END, SNIPPET_START } from '@/lib/server/search/search-sentences';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';
import { makeNewsroom, SEED_TEXT, submitted } from './fixtures';

type Search = Awaited<ReturnType<typeof searchSentences>>;

const ids = (found: Search) => found.results.map((r) => r.sentence.id).sort();

describe('search', () => {
  it('ignores accents and case: « coree » and « CORÉE » find what « Corée » finds', async () => {
    const { editor, team, sentences } = await makeNewsroom();
    const withCoree = sentences
      .filter((s) => s.kind === 'sentence' && s.text.includes('Corée'))
      .map((s) => s.id)
      .sort();
    expect(withCoree).toHaveLength(3);
    const search = (q: string) =>
      searchSentences({ userId: editor.id, query: { q, teamId: team.id } });

    const accented = await search('Corée');
    expect(ids(accented)).toEqual(withCoree);
    for (const q of ['coree', 'COREE', 'CORÉE', 'Coree']) {
      expect(ids(await search(q)), q).toEqual(withCoree);
    }
    expect(ids(await search('« coree du nord »'))).toEqual(
      sentences
        .filter((s) => s.text.includes('Corée du Nord'))
        .map((s) => s.id)
        .sort(),
    );
    // The snippet marks the word as written in the article.
    const first = (await search('coree')).results[0]!;
    expect(first.snippet).toContain(`${SNIPPET_START}Corée${SNIPPET_END}`);
    expect(first.matched).toEqual(['sentence']);
    // Any accented word, typed without its accents.
    expect(ids(await search('republique populaire'))).toEqual(
      sentences.filter((s) => s.text.includes('République populaire')).map((s) => s.id),
    );
  });

  it('unaccents English and language-neutral articles too', async () => {
    const { editor, team } = await makeNewsroom();
    const text =
      'The Zürich café reopened on Monday.\n\nIts owner, Müller, served 40 espressos in an hour.';
    for (const language of ['en', 'de']) {
      const article = await createArticle({
        userId: editor.id,
        input: { teamId: team.id, text, language, title: `Café ${language}` },
      });
      const found = await searchSentences({
        userId: editor.id,
        query: { q: 'zurich CAFE', teamId: team.id },
      });
      expect(
        found.results.filter((r) => r.article.id === article.id).map((r) => r.sentence.index),
        language,
      ).toEqual([0]);
      const owner = await searchSentences({
        userId: editor.id,
        query: { q: 'muller', teamId: team.id },
      });
      expect(
        owner.results.some((r) => r.article.id === article.id),
        language,
      ).toBe(true);
    }
  });

  it('finds highlight notes, rationales and comments, says what matched and links to the sentence', async () => {
    const { editor, reviewer, reviewer2, viewer, team, article, sentences } = await makeNewsroom();
    const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
    const welcome = sentences.find((s) => s.text.includes('accueil extraordinaire'))!;
    const other = sentences.find((s) => s.text.includes('isolement profond'))!;

    const quote = 'cinq millions de projectiles';
    const start = SEED_TEXT.indexOf(quote);
    await createAnnotation({
      userId: reviewer.id,
      articleId: article.id,
      input: {
        selector: describeRange(SEED_TEXT, { start, end: start + quote.length }),
        note: 'Chiffre à recouper avec l’Hémérothèque zq7',
      },
    });
    await submitted(reviewer2.id, welcome.id, {
      rating: 'misleading',
      rationale: 'Le Kremlin parle d’accueil ; la télévision d’État zq7bis l’a mis en scène.',
      sources: [{ url: 'https://example.org/accueil' }],
    });
    await createComment({
      userId: editor.id,
      sentenceId: other.id,
      input: { body: 'Demander à la rédaction de Séoul zq7ter.' },
    });

    const search = (q: string, userId = viewer.id) =>
      searchSentences({ userId, query: { q, teamId: team.id } });

    const note = await search('hemerotheque');
    expect(note.results.map((r) => r.sentence.id)).toEqual([claim.id]);
    expect(note.results[0]).toMatchObject({
      matched: ['note'],
      href: `/articles/${article.id}?sentence=${claim.id}#sentence-${claim.index + 1}`,
      matches: [
        {
          kind: 'note',
          author: { id: reviewer.id, name: reviewer.name },
          snippet: expect.stringContaining(`${SNIPPET_START}Hémérothèque${SNIPPET_END}`),
        },
      ],
    });
    // The sentence itself did not match: it is shown whole, nothing marked.
    expect(note.results[0]!.snippet).toBe(claim.text);

    const rationale = await search('television etat');
    expect(rationale.results.map((r) => r.sentence.id)).toEqual([welcome.id]);
    expect(rationale.results[0]).toMatchObject({
      matched: ['rationale'],
      state: 'in_review',
      matches: [{ kind: 'rationale', author: { id: reviewer2.id } }],
    });

    const comment = await search('SEOUL');
    expect(comment.results.map((r) => r.sentence.id)).toEqual([other.id]);
    expect(comment.results[0]).toMatchObject({
      matched: ['comment'],
      href: `/articles/${article.id}?sentence=${other.id}#sentence-${other.index + 1}`,
      matches: [{ kind: 'comment', author: { id: editor.id, name: editor.name } }],
    });

    // A word in both the sentence and a note: one result, both kinds.
    const both = await search('projectiles hemerotheque');
    expect(both.results.map((r) => r.sentence.id)).toEqual([]);
    const either = await search('projectiles or hemerotheque');
    const hit = either.results.find((r) => r.sentence.id === claim.id)!;
    expect(hit.matched).toEqual(['sentence', 'note']);
    expect(either.results.filter((r) => r.sentence.id === claim.id)).toHaveLength(1);
  });

  it('never finds a teammate’s draft rationale, nor a deleted comment, nor another team’s', async () => {
    const { reviewer, reviewer2, owner, outsider, sentences } = await makeNewsroom();
    const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
    await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: {
        rating: 'false',
        rationale: 'Brouillon privé : Ouagadougou xv3 exagère.',
        sources: [{ url: 'https://example.org/xv3' }],
      },
    });
    const comment = await createComment({
      userId: reviewer2.id,
      sentenceId: claim.id,
      input: { body: 'Piste effacée : Vladivostok xv3.' },
    });
    const search = (q: string, userId: string) =>
      searchSentences({ userId, query: { q } }).then((found) =>
        found.results.filter((r) => sentences.some((s) => s.id === r.sentence.id)),
      );

    // The author finds their own draft; nobody else, owners included, even by rank or count.
    expect((await search('ouagadougou', reviewer.id)).map((r) => r.matched)).toEqual([
      ['rationale'],
    ]);
    for (const userId of [reviewer2.id, owner.id, outsider.id]) {
      expect(await search('ouagadougou', userId)).toEqual([]);
    }
    const stored = await searchSentences({ userId: owner.id, query: { q: 'ouagadougou' } });
    expect(stored.total).toBe(0);

    expect((await search('vladivostok', owner.id)).map((r) => r.matched)).toEqual([['comment']]);
    expect(await search('vladivostok', outsider.id)).toEqual([]);
    await deleteComment({ userId: reviewer2.id, commentId: comment.id, input: {} });
    expect(await search('vladivostok', owner.id)).toEqual([]);
    expect(await search('vladivostok', reviewer2.id)).toEqual([]);

    // Submitted, the rationale is the team's to find.
    await submitVerdict({ userId: reviewer.id, sentenceId: claim.id, input: {} });
    expect((await search('ouagadougou', reviewer2.id)).map((r) => r.matched)).toEqual([
      ['rationale'],
    ]);
    expect(await search('ouagadougou', outsider.id)).toEqual([]);
  });
});
