// Each test builds its own team, members and article, with unique e-mails, so tests never
// depend on each other or on the demo data.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prisma } from '@/lib/db';
import { createArticle } from '@/lib/server/articles/create-article';
import bcrypt from 'bcryptjs';
import type { Role } from '@/generated/prisma/client';

export const SEED_TEXT = readFileSync(
  path.join(process.cwd(), 'prisma', 'seed', 'seed-fr.txt'),
  'utf8',
);

export const TEST_PASSWORD = 'correct-horse-battery';
// Hashed once, at a low cost: fixtures need many users, and bcrypt at cost 12 takes ~0.3 s each
// on the test thread. createUser itself (cost 12) is tested in services.test.ts.
let passwordHash: Promise<string> | undefined;

export async function makeUser(name = 'Testeur') {
  passwordHash ??= bcrypt.hash(TEST_PASSWORD, 4);
  return prisma.user.create({
    data: { email: `${randomUUID()}@test.factdesk`, name, passwordHash: await passwordHash },
    select: { id: true, email: true, name: true },
  });
}

export async function makeTeam(members: { userId: string; role: Role }[], name = 'Équipe test') {
  return prisma.team.create({
    data: { name, memberships: { createMany: { data: members } } },
    select: { id: true, name: true },
  });
}

/**
 * A team with an owner, an editor (who adds the article), two reviewers and a viewer, plus an
 * outsider who owns another team.
 */
export async function makeNewsroom(text = SEED_TEXT) {
  const [owner, editor, reviewer, reviewer2, viewer, outsider] = await Promise.all([
    makeUser('Propriétaire'),
    makeUser('Éditrice'),
    makeUser('Relecteur'),
    makeUser('Seconde relectrice'),
    makeUser('Lectrice'),
    makeUser('Étrangère'),
  ]);
  const team = await makeTeam([
    { userId: owner.id, role: 'owner' },
    { userId: editor.id, role: 'editor' },
    { userId: reviewer.id, role: 'reviewer' },
    { userId: reviewer2.id, role: 'reviewer' },
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
  return { owner, editor, reviewer, reviewer2, viewer, outsider, team, article, sentences };
}

/** A verdict written and submitted by `authorId`: what a reviewer hands over for approval. */
export async function submitted(authorId: string, sentenceId: string, input: object) {
  const { setVerdict } = await import('@/lib/server/verdicts/set-verdict');
  const { submitVerdict } = await import('@/lib/server/verdicts/submit-verdict');
  const draft = await setVerdict({ userId: authorId, sentenceId, input });
  return submitVerdict({ userId: authorId, sentenceId, input: { version: draft.version } });
}

/** Written and submitted by `authorId`, then approved by `approverId`. */
export async function approved(
  authorId: string,
  approverId: string,
  sentenceId: string,
  input: object,
) {
  const { approveVerdict } = await import('@/lib/server/verdicts/review-verdict');
  const verdict = await submitted(authorId, sentenceId, input);
  return approveVerdict({
    userId: approverId,
    verdictId: verdict.id,
    input: { version: verdict.version },
  });
}
