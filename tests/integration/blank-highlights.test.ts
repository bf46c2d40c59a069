// A highlight of nothing visible — an empty quote, spaces, a line break, zero-width characters —
// is refused and nothing is stored: from the reader (the route's shared schema: 422), and from a
// W3C import (the item is skipped with its reason; an import of only such items is a 422). A
// TextPositionSelector alone that covers only whitespace is skipped the same way.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { ZodError } from 'zod';
import { POST as postAnnotation } from '@/app/api/v1/articles/[id]/annotations/route';
import { prisma } from '@/lib/db';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { importAnnotationCollection } from '@/lib/server/annotations/import-annotation-collection';
import { AppError } from '@/lib/server/errors';
import { createAnnotationSchema } from '@/lib/validations/annotation';
import { makeNewsroom, SEED_TEXT } from './fixtures';

const BLANKS = [
  ' ',
  '   ',
  '\n',
  '\t \r\n',
  '\u00a0',
  '\u2003\u3000',
  '\u200b',
  '\ufeff',
  '\u200b \u200d',
];

let room: Awaited<ReturnType<typeof makeNewsroom>>;
const space = SEED_TEXT.indexOf(' ');
const highlightsOf = (articleId: string) => prisma.annotation.count({ where: { articleId } });

beforeAll(async () => {
  room = await makeNewsroom();
  session.userId = room.reviewer.id;
});

describe('blank highlights from the reader', () => {
  it.each(BLANKS.map((blank) => [JSON.stringify(blank), blank]))(
    'refuses the quote %s with a 422 and stores nothing',
    async (_, exact) => {
      const before = await highlightsOf(room.article.id);
      const response = await postAnnotation(
        new Request(`http://localhost/api/v1/articles/${room.article.id}/annotations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ selector: [{ type: 'TextQuoteSelector', exact }] }),
        }),
        { params: Promise.resolve({ id: room.article.id }) },
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
      expect(await highlightsOf(room.article.id)).toBe(before);
    },
  );

  it('refuses a blank quote even with positions that cover whitespace in the text', async () => {
    const before = await highlightsOf(room.article.id);
    await expect(
      createAnnotation({
        userId: room.reviewer.id,
        articleId: room.article.id,
        input: {
          selector: [
            { type: 'TextQuoteSelector', exact: ' ' },
            { type: 'TextPositionSelector', start: space, end: space + 1 },
          ],
        },
      }),
    ).rejects.toThrow(ZodError);
    expect(await highlightsOf(room.article.id)).toBe(before);
  });

  it('still takes a quote with spaces around a word, and the shared schema says the same', async () => {
    const word = SEED_TEXT.slice(0, SEED_TEXT.indexOf(' '));
    const created = await createAnnotation({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: { selector: [{ type: 'TextQuoteSelector', exact: `${word} ` }] },
    });
    expect(created.id).toBeTruthy();
    for (const exact of BLANKS) {
      expect(
        createAnnotationSchema.safeParse({ selector: [{ type: 'TextQuoteSelector', exact }] })
          .success,
        JSON.stringify(exact),
      ).toBe(false);
    }
  });
});

describe('blank highlights from a W3C import', () => {
  const item = (selector: object[]) => ({
    type: 'Annotation',
    target: { source: 'https://example.org', selector },
  });

  it('skips a blank quote and a position covering only whitespace, imports the rest', async () => {
    const word = SEED_TEXT.slice(0, SEED_TEXT.indexOf(' '));
    const before = await highlightsOf(room.article.id);
    const result = await importAnnotationCollection({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: [
        item([{ type: 'TextQuoteSelector', exact: ' ' }]),
        item([{ type: 'TextQuoteSelector', exact: '\u200b\n' }]),
        item([{ type: 'TextPositionSelector', start: space, end: space + 1 }]),
        item([{ type: 'TextQuoteSelector', exact: word }]),
      ],
    });
    expect(result.importedCount).toBe(1);
    expect(result.skipped).toHaveLength(3);
    expect(await highlightsOf(room.article.id)).toBe(before + 1);
    const stored = await prisma.annotation.findMany({
      where: { articleId: room.article.id },
      select: { quoteExact: true },
    });
    for (const { quoteExact } of stored) expect(quoteExact.trim()).not.toBe('');
  });

  it('refuses an import of only blank highlights with a 422, nothing stored', async () => {
    const before = await highlightsOf(room.article.id);
    const error = await importAnnotationCollection({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: {
        type: 'AnnotationCollection',
        first: {
          type: 'AnnotationPage',
          items: [
            item([{ type: 'TextQuoteSelector', exact: '   ' }]),
            item([{ type: 'TextQuoteSelector', exact: '\n\t' }]),
            item([{ type: 'TextQuoteSelector', exact: '\u200b' }]),
          ],
        },
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect(await highlightsOf(room.article.id)).toBe(before);
  });
});
