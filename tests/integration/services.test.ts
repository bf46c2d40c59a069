import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { describeRange } from '@/lib/anchoring';
import { prisma } from '@/lib/db';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { listAnnotations } from '@/lib/server/annotations/list-annotations';
import { getArticle } from '@/lib/server/articles/get-article';
import { listArticles } from '@/lib/server/articles/list-articles';
import { updateArticle } from '@/lib/server/articles/update-article';
import { AppError } from '@/lib/server/errors';
import { getReport } from '@/lib/server/reports/get-report';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { verifyCredentials } from '@/lib/server/users/verify-credentials';
import { createUser } from '@/lib/server/users/create-user';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { approved, makeNewsroom, SEED_TEXT, submitted } from './fixtures';

function selectorFor(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  return describeRange(text, { start, end: start + quote.length });
}

const SOURCE = {
  url: 'https://www.lemonde.fr/international/article/2024/06/19/poutine-pyongyang.html',
  title: 'Poutine à Pyongyang',
  publisher: 'Le Monde',
  publishedAt: '2024-06-19',
  excerpt: 'Les services américains évoquent des millions d’obus.',
};

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe('articles', () => {
  it('stores the seed as 16 units, partial, titled by its first sentence', async () => {
    const { editor, article } = await makeNewsroom();
    const detail = await getArticle({ userId: editor.id, articleId: article.id });
    expect(detail.sentences).toHaveLength(16);
    expect(detail.partial).toBe(true);
    expect(detail.language).toBe('fr');
    expect(detail.title.startsWith('Née des circonstances pressantes')).toBe(true);
    expect(detail.title.length).toBeLessThanOrEqual(90);
    for (const unit of detail.sentences)
      expect(detail.text.slice(unit.start, unit.end)).toBe(unit.text);
    expect(detail.sentences.filter((s) => s.kind === 'paywall')).toHaveLength(2);
  });

  it('lists only the articles of my teams, with progress', async () => {
    const { editor, reviewer, outsider, article, sentences } = await makeNewsroom();
    const target = sentences.find((s) => s.text.includes('cinq millions'))!;
    await approved(reviewer.id, editor.id, target.id, {
      rating: 'unverifiable',
      rationale: 'Chiffre non public.',
      sources: [SOURCE],
    });
    // Submitted but not approved by a second member: not verified yet.
    await submitted(reviewer.id, sentences[0]!.id, { rating: 'true', sources: [SOURCE] });
    const mine = await listArticles({ userId: editor.id });
    const listed = mine.find((a) => a.id === article.id)!;
    expect(listed.sentenceCount).toBe(13); // 16 units minus 1 heading and 2 paywall notices
    expect(listed.checkedCount).toBe(1);
    expect((await listArticles({ userId: outsider.id })).some((a) => a.id === article.id)).toBe(
      false,
    );
  });
  it('renames an article for editors, refuses a stale version with the current title', async () => {
    const { editor, reviewer, outsider, article } = await makeNewsroom();
    const renamed = await updateArticle({
      userId: editor.id,
      articleId: article.id,
      input: { title: '  Le pacte Russie–Corée du Nord  ', version: 1 },
    });
    expect(renamed).toMatchObject({ title: 'Le pacte Russie–Corée du Nord', version: 2 });

    // A second editor still holding version 1 must not overwrite the new title.
    const stale = await updateArticle({
      userId: editor.id,
      articleId: article.id,
      input: { title: 'Autre titre', version: 1 },
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('conflict');
    expect((stale as AppError).details).toMatchObject({
      current: { title: 'Le pacte Russie–Corée du Nord', version: 2 },
    });

    await expectAppError(
      updateArticle({
        userId: reviewer.id,
        articleId: article.id,
        input: { title: 'Par un relecteur', version: 2 },
      }),
      'forbidden',
    );
    await expectAppError(
      updateArticle({
        userId: outsider.id,
        articleId: article.id,
        input: { title: 'Par une étrangère', version: 2 },
      }),
      'not_found',
    );
    await expect(
      updateArticle({
        userId: editor.id,
        articleId: article.id,
        input: { title: '   ', version: 2 },
      }),
    ).rejects.toBeInstanceOf(ZodError);

    const detail = await getArticle({ userId: reviewer.id, articleId: article.id });
    expect(detail).toMatchObject({ title: 'Le pacte Russie–Corée du Nord', version: 2 });
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: article.id, action: 'article.update' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: editor.id,
      before: { version: 1 },
      after: { title: 'Le pacte Russie–Corée du Nord', version: 2 },
    });
  });
});

describe('highlights', () => {
  it('creates a highlight from W3C selectors and links every sentence it touches', async () => {
    const { reviewer, editor, article, sentences } = await makeNewsroom();
    const quote = 'isolement profond. Les envois de projectiles';
    const created = await createAnnotation({
      userId: reviewer.id,
      articleId: article.id,
      input: { selector: selectorFor(SEED_TEXT, quote), note: '  À recouper  ' },
    });
    const touched = sentences.filter((s) => s.index === 11 || s.index === 12).map((s) => s.id);
    expect(created.sentenceIds).toEqual(touched);
    expect(created.note).toBe('À recouper');
    expect(created.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: quote });
    const listed = await listAnnotations({ userId: editor.id, articleId: article.id });
    expect(listed.map((a) => a.id)).toContain(created.id);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(audit.map((e) => e.action)).toEqual(['annotation.create']);
  });

  it('anchors by quote and context when the position is stale, and refuses selectors that match nothing', async () => {
    const { reviewer, article } = await makeNewsroom();
    const [quote, position] = selectorFor(SEED_TEXT, 'cinq millions de projectiles');
    const shifted = { ...position, start: position.start + 7, end: position.end + 7 };
    const created = await createAnnotation({
      userId: reviewer.id,
      articleId: article.id,
      input: { selector: [quote, shifted] },
    });
    expect(created.target.selector[1]).toEqual(position);

    const before = await prisma.annotation.count({ where: { articleId: article.id } });
    await expectAppError(
      createAnnotation({
        userId: reviewer.id,
        articleId: article.id,
        input: { selector: [{ type: 'TextQuoteSelector', exact: 'absent du texte' }] },
      }),
      'selector_mismatch',
    );
    await expect(
      createAnnotation({ userId: reviewer.id, articleId: article.id, input: { selector: 'nope' } }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await prisma.annotation.count({ where: { articleId: article.id } })).toBe(before);
  });
});

describe('verdicts', () => {
  it('sets, updates and versions my verdict with its sources and audit trail', async () => {
    const { reviewer, editor, sentences } = await makeNewsroom();
    const sentence = sentences.find((s) => s.text.includes('cinq millions'))!;
    const first = await setVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: { rating: 'unverifiable', rationale: 'Sources anonymes.', sources: [SOURCE] },
    });
    expect(first).toMatchObject({
      rating: 'unverifiable',
      version: 1,
      sources: [{ url: SOURCE.url, publishedAt: '2024-06-19' }],
    });

    const second = await setVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: { rating: 'misleading', rationale: 'Chiffre contesté.', sources: [], version: 1 },
    });
    expect(second).toMatchObject({ id: first.id, rating: 'misleading', version: 2, sources: [] });

    // A write based on version 1 is now stale: refused, nothing changed.
    await expectAppError(
      setVerdict({
        userId: reviewer.id,
        sentenceId: sentence.id,
        input: { rating: 'true', version: 1 },
      }),
      'conflict',
    );
    const panel = await getSentence({ userId: reviewer.id, sentenceId: sentence.id });
    expect(panel.verdicts).toHaveLength(1);
    expect(panel.verdicts[0]).toMatchObject({
      rating: 'misleading',
      status: 'draft',
      version: 2,
      author: { id: reviewer.id },
    });
    // A draft is private to its author until submitted: ratings are given independently.
    expect((await getSentence({ userId: editor.id, sentenceId: sentence.id })).verdicts).toEqual(
      [],
    );
    // Once the verdict exists, a write must say which version it is based on.
    await expectAppError(
      setVerdict({ userId: reviewer.id, sentenceId: sentence.id, input: { rating: 'true' } }),
      'conflict',
    );

    const audit = await prisma.auditEvent.findMany({
      where: { entityId: first.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((e) => e.action)).toEqual(['verdict.create', 'verdict.update']);
    expect(audit[1]!.before).toMatchObject({ rating: 'unverifiable', version: 1 });
  });

  it('refuses non-http sources, unknown ratings and paywall units, storing nothing', async () => {
    const { reviewer, sentences } = await makeNewsroom();
    const sentence = sentences[0]!;
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.org/x',
      'pas une url',
    ]) {
      await expect(
        setVerdict({
          userId: reviewer.id,
          sentenceId: sentence.id,
          input: { rating: 'true', sources: [{ url }] },
        }),
      ).rejects.toBeInstanceOf(ZodError);
    }
    await expect(
      setVerdict({ userId: reviewer.id, sentenceId: sentence.id, input: { rating: 'maybe' } }),
    ).rejects.toBeInstanceOf(ZodError);
    const paywall = sentences.find((s) => s.kind === 'paywall')!;
    await expectAppError(
      setVerdict({ userId: reviewer.id, sentenceId: paywall.id, input: { rating: 'true' } }),
      'not_checkable',
    );
    expect(
      await prisma.verdict.count({ where: { sentenceId: { in: [sentence.id, paywall.id] } } }),
    ).toBe(0);
  });
});

describe('membership', () => {
  it('keeps an outsider from reading, writing or exporting another team’s article', async () => {
    const { outsider, article, sentences } = await makeNewsroom();
    const sentenceId = sentences[0]!.id;
    await expectAppError(getArticle({ userId: outsider.id, articleId: article.id }), 'not_found');
    await expectAppError(
      listAnnotations({ userId: outsider.id, articleId: article.id }),
      'not_found',
    );
    await expectAppError(getSentence({ userId: outsider.id, sentenceId }), 'not_found');
    await expectAppError(
      createAnnotation({
        userId: outsider.id,
        articleId: article.id,
        input: { selector: selectorFor(SEED_TEXT, 'Pyongyang') },
      }),
      'not_found',
    );
    await expectAppError(
      setVerdict({ userId: outsider.id, sentenceId, input: { rating: 'false' } }),
      'not_found',
    );
    await expectAppError(
      getReport({
        userId: outsider.id,
        articleId: article.id,
        baseUrl: 'http://localhost',
        query: {},
      }),
      'not_found',
    );
    expect(await prisma.annotation.count({ where: { articleId: article.id } })).toBe(0);
    expect(await prisma.verdict.count({ where: { sentenceId } })).toBe(0);
  });

  it('lets a viewer read but not write', async () => {
    const { viewer, article, sentences } = await makeNewsroom();
    await expect(getArticle({ userId: viewer.id, articleId: article.id })).resolves.toMatchObject({
      id: article.id,
    });
    await expectAppError(
      setVerdict({ userId: viewer.id, sentenceId: sentences[0]!.id, input: { rating: 'true' } }),
      'forbidden',
    );
  });
});

describe('accounts', () => {
  it('hashes passwords and answers wrong e-mail and wrong password alike', async () => {
    const email = `Casse-${Date.now()}@Test.FactDesk`;
    const user = await createUser({ email, name: 'Camille', password: 'un-long-mot-de-passe' });
    expect(user.email).toBe(email.toLowerCase());
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyCredentials({ email, password: 'un-long-mot-de-passe' })).toMatchObject({
      id: user.id,
    });
    expect(await verifyCredentials({ email, password: 'mauvais-mot-de-passe' })).toBeNull();
    expect(
      await verifyCredentials({ email: 'personne@nulle.part', password: 'un-long-mot-de-passe' }),
    ).toBeNull();
    await expectAppError(
      createUser({ email, name: 'Bis', password: 'un-long-mot-de-passe' }),
      'email_taken',
    );
    await expect(
      createUser({ email: 'court@x.test', name: 'C', password: 'court' }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it('keeps the zone the sign-up form detected, and ignores one Intl does not know', async () => {
    const zoneOf = async (timeZone: unknown) => {
      const user = await createUser({
        email: `zone-${Date.now()}-${Math.random()}@test.factdesk`,
        name: 'Zoé',
        password: 'un-long-mot-de-passe',
        timeZone,
      });
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      return { timeZone: row.timeZone, locale: row.locale };
    };
    expect(await zoneOf('America/Montreal')).toEqual({
      timeZone: 'America/Montreal',
      locale: null,
    });
    expect(await zoneOf('Mars/Olympus_Mons')).toEqual({ timeZone: null, locale: null });
    expect(await zoneOf(42)).toEqual({ timeZone: null, locale: null });
    expect(await zoneOf(undefined)).toEqual({ timeZone: null, locale: null });
  });
});

describe('report', () => {
  it('exports approved verdicts only, naming author and approver, in every format', async () => {
    const { reviewer, editor, article, sentences } = await makeNewsroom();
    const sentence = sentences.find((s) => s.text.includes('cinq millions'))!;
    await approved(reviewer.id, editor.id, sentence.id, {
      rating: 'unverifiable',
      rationale: 'Aucune preuve publique.',
      sources: [SOURCE],
    });
    await submitted(reviewer.id, sentences[0]!.id, { rating: 'true', sources: [SOURCE] });
    const ask = async (format: string) => {
      const report = await getReport({
        userId: editor.id,
        articleId: article.id,
        baseUrl: 'https://factdesk.example',
        query: { format },
      });
      return { ...report, body: await new Response(report.body).text() };
    };

    const markdown = await ask('markdown');
    expect(markdown.contentType).toMatch(/^text\/markdown/);
    expect(markdown.body).toContain('Invérifiable');
    expect(markdown.body).toContain(SOURCE.url);
    expect(markdown.body).toContain('cinq millions de projectiles');
    expect(markdown.body).toContain('Vérifié par Relecteur, approuvé par Éditrice');
    // The first sentence's verdict is submitted, not approved: not a verified claim. (Its
    // opening words are the article's title, so look for its end.)
    expect(markdown.body).not.toContain('considèrent l’Occident comme un adversaire partagé');

    const json = JSON.parse((await ask('json')).body) as {
      claims: { sentenceId: string; approver: { name: string } | null }[];
      agreement: { ratedSentences: number; disputed: string[] } | null;
    };
    expect(json.claims.map((c) => c.sentenceId)).toEqual([sentence.id]);
    expect(json.claims[0]!.approver).toEqual({ name: 'Éditrice' });
    expect(json.agreement).toMatchObject({ ratedSentences: 0, disputed: [] });

    const claimReview = JSON.parse((await ask('claimreview')).body) as Record<string, unknown>[];
    expect(claimReview).toHaveLength(1);
    expect(claimReview[0]).toMatchObject({
      '@type': 'ClaimReview',
      author: { '@type': 'Organization', name: 'Équipe test' },
      reviewRating: { '@type': 'Rating', alternateName: 'Invérifiable' },
    });
    expect(String(claimReview[0]!.url)).toMatch(
      new RegExp(`^https://factdesk\\.example/articles/${article.id}`),
    );

    const csv = (await ask('csv')).body;
    expect(csv).toContain(SOURCE.url);
    await expect(ask('docx')).rejects.toBeInstanceOf(ZodError);
  });
});
