// "Which sentences count", one definition (lib/server/sentences/checkable.ts) seen from every
// place that counts or lists them, on a real PostgreSQL: after a correction removes a verified
// sentence and a disputed one, the article list, the reader, the report, the team report, the
// agreement figures and the queue all agree, and none of them counts a removed sentence.
import { describe, expect, it } from 'vitest';
import { getAgreement } from '@/lib/server/articles/get-agreement';
import { getArticle } from '@/lib/server/articles/get-article';
import { listArticles } from '@/lib/server/articles/list-articles';
import { reviseArticle } from '@/lib/server/articles/revise-article';
import { getQueue } from '@/lib/server/queue/get-queue';
import { getReportData } from '@/lib/server/reports/get-report';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { searchSentences } from '@/lib/server/search/search-sentences';
import { listSentenceStates } from '@/lib/server/verdicts/list-sentence-states';
import { approved, makeNewsroom, submitted } from './fixtures';

const BASE = 'https://factdesk.example';

const KEPT = 'Le chômage a baissé de 2 % en 2023 selon l’Insee.';
const VERIFIED_REMOVED = 'La dette publique atteint 3 000 milliards d’euros.';
const DISPUTED_REMOVED = 'Le gouvernement prévoit 50 000 logements neufs par an.';
const ADDED = 'Les loyers ont augmenté de 4 % sur un an.';

describe('checkable sentences after a correction', () => {
  it('counts the same sentences in the list, the reader, the reports, the agreement and the queue', async () => {
    const room = await makeNewsroom(`${KEPT} ${VERIFIED_REMOVED} ${DISPUTED_REMOVED}`);
    const { editor, reviewer, reviewer2, team, article, sentences } = room;
    const byText = (text: string) => sentences.find((s) => s.text === text)!;
    const kept = byText(KEPT);
    const verifiedRemoved = byText(VERIFIED_REMOVED);
    const disputedRemoved = byText(DISPUTED_REMOVED);
    await approved(reviewer.id, reviewer2.id, kept.id, { rating: 'true' });
    await approved(reviewer.id, reviewer2.id, verifiedRemoved.id, { rating: 'false' });
    await submitted(reviewer.id, disputedRemoved.id, { rating: 'true' });
    await submitted(reviewer2.id, disputedRemoved.id, { rating: 'misleading' });
    expect((await getAgreement({ userId: editor.id, articleId: article.id })).disputed).toEqual([
      disputedRemoved.id,
    ]);

    await reviseArticle({
      userId: editor.id,
      articleId: article.id,
      input: { text: `${KEPT} ${ADDED}`, version: 1 },
    });

    // Two checkable sentences remain (the kept one and the added one), one of them verified.
    const listed = (await listArticles({ userId: editor.id })).find((a) => a.id === article.id)!;
    expect([listed.checkedCount, listed.sentenceCount]).toEqual([1, 2]);

    const reader = await getArticle({ userId: editor.id, articleId: article.id });
    const states = await listSentenceStates({ userId: editor.id, articleId: article.id });
    const readerCheckable = reader.sentences.filter((s) => s.kind === 'sentence');
    expect(Object.keys(states).sort()).toEqual(readerCheckable.map((s) => s.id).sort());
    expect(readerCheckable.filter((s) => states[s.id]?.publishedRating).length).toBe(1);
    // The reader still shows the removed passages, apart: display, not counting.
    expect(reader.retiredSentences.map((s) => s.id).sort()).toEqual(
      [verifiedRemoved.id, disputedRemoved.id].sort(),
    );

    const report = await getReportData({ userId: editor.id, articleId: article.id, baseUrl: BASE });
    expect([report.claims.length, report.article.sentenceCount]).toEqual([1, 2]);
    expect(report.claims.map((c) => c.sentenceId)).toEqual([kept.id]);

    const teamReport = await getTeamReport({
      userId: editor.id,
      teamId: team.id,
      baseUrl: BASE,
      query: { format: 'json' },
    });
    expect(typeof teamReport.body).toBe('string');
    expect(teamReport.body as string).not.toContain(verifiedRemoved.id);

    // The removed disputed sentence is no longer disputed anywhere, and the reader's figures
    // are the report's.
    const agreement = await getAgreement({ userId: editor.id, articleId: article.id });
    expect(agreement.disputed).toEqual([]);
    expect(agreement.ratedSentences).toBe(0);
    expect(report.agreement).toEqual(agreement);

    // Nothing waits on a removed sentence in anyone's queue.
    for (const user of [editor, reviewer, reviewer2]) {
      const queue = await getQueue({ userId: user.id });
      const ids = [...queue.assigned, ...queue.toReview, ...queue.toResolve].map(
        (item) => item.sentence.id,
      );
      expect(ids).not.toContain(disputedRemoved.id);
      expect(ids).not.toContain(verifiedRemoved.id);
    }

    // Search finds the current text only.
    const found = await searchSentences({ userId: editor.id, query: { q: 'dette' } });
    expect(found.results).toEqual([]);
  });
});
