// The claim's own fields on a verdict (issue 15, point 3) on a real PostgreSQL: written with the
// verdict (checked on the server: http(s) only, known kinds, real dates), kept when a client
// leaves them out, copied to the published verdict on approval, and what ClaimReview says:
// `claimReviewed` the summary, `itemReviewed` the claimant, its date and where it appeared.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { prisma } from '@/lib/db';
import { checkClaimReview } from '@/lib/reports/claim-review';
import { getReport } from '@/lib/server/reports/get-report';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { approveVerdict } from '@/lib/server/verdicts/review-verdict';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';
import { makeNewsroom } from './fixtures';

const CLAIM = {
  summary: 'La Russie et la Corée du Nord ont signé une alliance militaire',
  claimant: 'Vladimir Poutine',
  claimantKind: 'person',
  date: '2024-06-19',
  appearanceUrl: 'https://www.example.org/discours-poutine',
};

describe('a verdict’s claim fields', () => {
  it('are stored with the verdict, kept when left out, published on approval, and fill ClaimReview', async () => {
    const { editor, reviewer, reviewer2, article, sentences } = await makeNewsroom();
    const sentence = sentences.find((s) => s.kind === 'sentence')!;

    // Refused whole: nothing stored.
    for (const claim of [
      { appearanceUrl: 'javascript:alert(1)' },
      { claimantKind: 'robot' },
      { date: '2024-02-30' },
      { summary: 'x'.repeat(201) },
    ]) {
      await expect(
        setVerdict({
          userId: reviewer.id,
          sentenceId: sentence.id,
          input: { rating: 'false', claim },
        }),
      ).rejects.toBeInstanceOf(ZodError);
    }
    expect(await prisma.verdict.count({ where: { sentenceId: sentence.id } })).toBe(0);

    const first = await setVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: { rating: 'false', rationale: 'Démenti.', claim: CLAIM },
    });
    expect(first.claim).toEqual(CLAIM);
    // A client that does not know the fields (an older tab, a script) leaves them as they are.
    const second = await setVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: { rating: 'false', rationale: 'Démenti, sources à l’appui.', version: first.version },
    });
    expect(second.claim).toEqual(CLAIM);
    const submitted = await submitVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: {},
    });
    await approveVerdict({
      userId: reviewer2.id,
      verdictId: submitted.id,
      input: { version: submitted.version },
    });
    const detail = await getSentence({ userId: editor.id, sentenceId: sentence.id });
    expect(detail.finalVerdict?.claim).toEqual(CLAIM);

    const report = await getReport({
      userId: editor.id,
      articleId: article.id,
      baseUrl: 'https://x.test',
      query: { format: 'claimreview' },
    });
    const [review] = JSON.parse(await new Response(report.body as ReadableStream).text()) as Record<
      string,
      unknown
    >[];
    expect(review).toMatchObject({
      claimReviewed: CLAIM.summary,
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Vladimir Poutine' },
        datePublished: '2024-06-19',
        appearance: [{ '@type': 'CreativeWork', url: CLAIM.appearanceUrl }],
      },
    });
    expect(checkClaimReview(review).errors).toEqual([]);

    // Cleared fields fall back to the sentence and the article.
    const reopened = await setVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: {
        rating: 'false',
        claim: { summary: '', claimant: null, claimantKind: 'organization' },
        version: (await prisma.verdict.findFirstOrThrow({ where: { id: submitted.id } })).version,
      },
    });
    expect(reopened.claim).toEqual({
      summary: null,
      claimant: null,
      claimantKind: 'organization',
      date: null,
      appearanceUrl: null,
    });
  });
});
