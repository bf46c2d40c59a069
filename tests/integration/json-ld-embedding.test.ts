// The JSON-LD outputs (ClaimReview of an article and of a team, the W3C annotation export) are
// meant to be pasted into `<script type="application/ld+json">`: a claim, a team name, a note or
// a member's name holding `</script>` must not end that element. Read through the route handlers
// (the session stubbed to a real member) on a real PostgreSQL: no raw `<`, `>`, `&`, U+2028 or
// U+2029 in any answer of a JSON-LD type, and JSON.parse still gives the very strings stored.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { GET as getAnnotations } from '@/app/api/v1/articles/[id]/annotations/route';
import { GET as getArticleReport } from '@/app/api/v1/articles/[id]/report/route';
import { GET as getTeamReport } from '@/app/api/v1/teams/[id]/report/route';
import { describeRange } from '@/lib/anchoring';
import { prisma } from '@/lib/db';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { createArticle } from '@/lib/server/articles/create-article';
import { approved, makeTeam, makeUser } from './fixtures';

const BASE = 'https://factdesk.example';
const HOSTILE = '</script><script>alert(1)</script> & <!-- \u2028\u2029 -->';
const TEXT = `Le budget </script><script>alert(1)</script> a doublé en 2023. La dette & le déficit <!-- ont baissé \u2028 depuis.`;

let ids: { team: string; article: string };

beforeAll(async () => {
  const [owner, reviewer] = await Promise.all([
    makeUser(`Olga ${HOSTILE}`),
    makeUser(`Rita ${HOSTILE}`),
  ]);
  session.userId = owner.id;
  const team = await makeTeam(
    [
      { userId: owner.id, role: 'owner' },
      { userId: reviewer.id, role: 'reviewer' },
    ],
    `Rédaction ${HOSTILE}`,
  );
  const article = await createArticle({
    userId: owner.id,
    input: { teamId: team.id, text: TEXT, language: 'fr', title: `Titre ${HOSTILE}` },
  });
  const sentences = await prisma.sentence.findMany({
    where: { articleId: article.id, kind: 'sentence' },
    orderBy: { index: 'asc' },
  });
  expect(sentences.length).toBeGreaterThan(0);
  for (const sentence of sentences) {
    await approved(reviewer.id, owner.id, sentence.id, {
      rating: 'false',
      rationale: `Faux ${HOSTILE}`,
    });
  }
  const quote = '</script><script>alert(1)</script>';
  const start = TEXT.indexOf(quote);
  await createAnnotation({
    userId: reviewer.id,
    articleId: article.id,
    input: {
      selector: describeRange(TEXT, { start, end: start + quote.length }),
      note: `Note ${HOSTILE}`,
    },
  });
  ids = { team: team.id, article: article.id };
});

type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;

async function read(handler: Handler, url: string, id: string) {
  const response = await handler(new Request(url), { params: Promise.resolve({ id }) });
  expect(response.status, url).toBe(200);
  return { contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

function expectEmbeddable(text: string, where: string) {
  for (const [name, character] of [
    ['<', '<'],
    ['>', '>'],
    ['&', '&'],
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
  ]) {
    expect(text.includes(character!), `${where} holds a raw ${name}`).toBe(false);
  }
  expect(text).toContain('\\u003c/script\\u003e');
}

describe('JSON-LD answers can be embedded in <script type="application/ld+json">', () => {
  it('the article ClaimReview', async () => {
    const { contentType, text } = await read(
      getArticleReport,
      `${BASE}/api/v1/articles/${ids.article}/report?format=claimreview`,
      ids.article,
    );
    expect(contentType).toMatch(/^application\/ld\+json/);
    expectEmbeddable(text, 'article ClaimReview');
    const reviews = JSON.parse(text) as { claimReviewed: string; author: { name: string } }[];
    expect(reviews[0]!.author.name).toBe(`Rédaction ${HOSTILE}`);
    expect(reviews.map((review) => review.claimReviewed).join(' ')).toContain(
      '</script><script>alert(1)</script>',
    );
  });

  it('the team ClaimReview', async () => {
    const { contentType, text } = await read(
      getTeamReport,
      `${BASE}/api/v1/teams/${ids.team}/report?format=claimreview`,
      ids.team,
    );
    expect(contentType).toMatch(/^application\/ld\+json/);
    expectEmbeddable(text, 'team ClaimReview');
    const reviews = JSON.parse(text) as { author: { name: string } }[];
    expect(reviews[0]!.author.name).toBe(`Rédaction ${HOSTILE}`);
  });

  it('the W3C annotation export', async () => {
    const { contentType, text } = await read(
      getAnnotations,
      `${BASE}/api/v1/articles/${ids.article}/annotations?format=w3c`,
      ids.article,
    );
    expect(contentType).toMatch(/^application\/ld\+json/);
    expectEmbeddable(text, 'W3C export');
    const collection = JSON.parse(text) as {
      label: string;
      first: {
        items: {
          creator: { name: string };
          body: { value: string }[];
          target: { selector: { exact?: string }[] };
        }[];
      };
    };
    const { title } = await prisma.article.findUniqueOrThrow({ where: { id: ids.article } });
    expect(title).toContain('</script>');
    expect(collection.label).toBe(title);
    const [item] = collection.first.items;
    expect(item!.creator.name).toBe(`Rita ${HOSTILE}`);
    expect(item!.body[0]!.value).toBe(`Note ${HOSTILE}`);
    expect(item!.target.selector[0]!.exact).toBe('</script><script>alert(1)</script>');
  });

  it('the other formats are unchanged (JSON is not JSON-LD)', async () => {
    const { contentType, text } = await read(
      getArticleReport,
      `${BASE}/api/v1/articles/${ids.article}/report?format=json`,
      ids.article,
    );
    expect(contentType).toMatch(/^application\/json/);
    expect(text).toContain('</script>');
  });
});
