// Each test builds its own team, members and article, with unique e-mails, so tests never
// depend on each other or on the demo data.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prisma } from '@/lib/db';
import { createArticle } from '@/lib/server/articles/create-article';
import { createUser } from '@/lib/server/users/create-user';
import type { Role } from '@/generated/prisma/client';

export const SEED_TEXT = readFileSync(
  path.join(process.cwd(), 'prisma', 'seed', 'seed-fr.txt'),
  'utf8',
);

export async function makeUser(name = 'Testeur') {
  return createUser({
    email: `${randomUUID()}@test.factdesk`,
    name,
    password: 'correct-horse-battery',
  });
}

export async function makeTeam(members: { userId: string; role: Role }[], name = 'Équipe test') {
  return prisma.team.create({
    data: { name, memberships: { createMany: { data: members } } },
    select: { id: true, name: true },
  });
}

/** A team with an editor (owner of the article), a reviewer, a viewer, plus an outsider. */
export async function makeNewsroom(text = SEED_TEXT) {
  const [editor, reviewer, viewer, outsider] = await Promise.all([
    makeUser('Éditrice'),
    makeUser('Relecteur'),
    makeUser('Lectrice'),
    makeUser('Étrangère'),
  ]);
  const team = await makeTeam([
    { userId: editor.id, role: 'editor' },
    { userId: reviewer.id, role: 'reviewer' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  await makeTeam([{ userId: outsider.id, role: 'owner' }], 'Autre équipe');
  const article = await createArticle({
    userId: editor.id,
    input: { teamId: team.id, text, language: 'fr' },
  });
  const sentences = await prisma.sentence.findMany({
    where: { articleId: article.id },
    orderBy: { index: 'asc' },
  });
  return { editor, reviewer, viewer, outsider, team, article, sentences };
}
