// What an import keeps out of the text, on a real PostgreSQL: a pasted byline and dateline end
// up in the article's author and date (unless given explicitly), promotional paragraphs are not
// stored nor numbered as sentences; and a rename is not a text revision.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { createArticle } from '@/lib/server/articles/create-article';
import { getArticle } from '@/lib/server/articles/get-article';
import { listRevisions } from '@/lib/server/articles/list-revisions';
import { reviseArticle } from '@/lib/server/articles/revise-article';
import { updateArticle } from '@/lib/server/articles/update-article';
import { AppError } from '@/lib/server/errors';
import { makeTeam, makeUser, SEED_TEXT } from './fixtures';

const FIRST = 'Le traité a été signé le 19 juin 2024 à Pyongyang par les deux dirigeants.';
const SECOND = 'Il prévoit une aide mutuelle en cas d’agression contre l’une des parties.';

async function editorAndTeam() {
  const editor = await makeUser('Éditrice');
  const team = await makeTeam([{ userId: editor.id, role: 'editor' }]);
  return { editor, team };
}

describe('pasted bylines and promotions', () => {
  it('stores the byline’s author and date, not the line, and drops the ad', async () => {
    const { editor, team } = await editorAndTeam();
    const article = await createArticle({
      userId: editor.id,
      input: {
        teamId: team.id,
        text: [
          'Par Jean Dupont — 14 mars 2025',
          'Publié le 14 mars 2025 à 10 h 30',
          FIRST,
          'Sponsored: Try FooVPN today. Click here!',
          SECOND,
        ].join('\n'),
      },
    });
    expect(article).toMatchObject({
      author: 'Jean Dupont',
      publishedAt: '2025-03-14',
      text: `${FIRST}\n${SECOND}`,
    });
    const row = await prisma.article.findUniqueOrThrow({
      where: { id: article.id },
      select: {
        author: true,
        publishedAt: true,
        text: true,
        revisions: { select: { text: true } },
      },
    });
    expect(row.author).toBe('Jean Dupont');
    expect(row.publishedAt?.toISOString().slice(0, 10)).toBe('2025-03-14');
    expect(row.revisions).toEqual([{ text: `${FIRST}\n${SECOND}` }]);
    const units = await prisma.sentence.findMany({
      where: { articleId: article.id },
      orderBy: { index: 'asc' },
      select: { index: true, kind: true, text: true },
    });
    expect(units).toEqual([
      { index: 0, kind: 'sentence', text: FIRST },
      { index: 1, kind: 'sentence', text: SECOND },
    ]);
  });

  it('keeps the author and date given with the import; the byline line still goes', async () => {
    const { editor, team } = await editorAndTeam();
    const article = await createArticle({
      userId: editor.id,
      input: {
        teamId: team.id,
        text: `By Jane Doe — March 14, 2025\n${FIRST}`,
        author: 'La rédaction',
        publishedAt: '2025-03-15',
      },
    });
    expect(article).toMatchObject({
      author: 'La rédaction',
      publishedAt: '2025-03-15',
      text: FIRST,
    });
  });

  it('leaves a text without a byline as it was', async () => {
    const { editor, team } = await editorAndTeam();
    const article = await createArticle({
      userId: editor.id,
      input: { teamId: team.id, text: SEED_TEXT },
    });
    expect(article).toMatchObject({ author: null, publishedAt: null, text: SEED_TEXT.trim() });
  });
});

describe('a rename is not a text revision', () => {
  it('numbers text revisions apart from the row version the 409 checks use', async () => {
    const { editor, team } = await editorAndTeam();
    const created = await createArticle({
      userId: editor.id,
      input: { teamId: team.id, text: SEED_TEXT },
    });
    const renamed = await updateArticle({
      userId: editor.id,
      articleId: created.id,
      input: { title: 'Le pacte, renommé', version: 1 },
    });
    expect(renamed.version).toBe(2);
    expect(await getArticle({ userId: editor.id, articleId: created.id })).toMatchObject({
      version: 2,
      revisionCount: 1,
    });
    expect(
      (await listRevisions({ userId: editor.id, articleId: created.id })).map((r) => r.number),
    ).toEqual([1]);

    // The correction must name the row version (the stale one is refused)…
    const stale = await reviseArticle({
      userId: editor.id,
      articleId: created.id,
      input: { text: `Mise à jour.\n${SEED_TEXT}`, version: 1 },
    }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('conflict');
    const revised = await reviseArticle({
      userId: editor.id,
      articleId: created.id,
      input: { text: `Mise à jour.\n${SEED_TEXT}`, version: 2 },
    });
    // …and it is the text's second version, whatever the row's.
    expect(revised).toMatchObject({ version: 3, revisionCount: 2 });
    const revisions = await listRevisions({ userId: editor.id, articleId: created.id });
    expect(revisions.map((r) => [r.number, r.version, r.source])).toEqual([
      [2, 3, 'edit'],
      [1, 1, 'paste'],
    ]);
  });
});
