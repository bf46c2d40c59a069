// Demo data for a fresh install: two teams, four accounts, the French seed article.
// Runs only into an empty database (no user yet), so it never touches real data.
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { prisma } from '@/lib/db';
import { createArticleInTransaction } from '@/lib/server/articles/create-article';
import { BCRYPT_COST } from '@/lib/server/users/create-user';
import type { Role } from '@/generated/prisma/client';

export const DEMO_PASSWORD = 'factdesk-demo';
export const DEMO_ACCOUNTS: { email: string; name: string; team: string; role: Role }[] = [
  { email: 'ana@demo.test', name: 'Ana Martin', team: 'Rédaction démo', role: 'owner' },
  { email: 'ben@demo.test', name: 'Ben Durand', team: 'Rédaction démo', role: 'reviewer' },
  { email: 'vic@demo.test', name: 'Vic Lambert', team: 'Rédaction démo', role: 'viewer' },
  { email: 'eve@demo.test', name: 'Eve Moreau', team: 'Autre rédaction', role: 'owner' },
];
export const SEED_ARTICLE_PATH = path.join(process.cwd(), 'prisma', 'seed', 'seed-fr.txt');

export async function seedDemo(): Promise<{ seeded: boolean }> {
  if ((await prisma.user.count()) > 0) return { seeded: false };
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST);
  const teams = new Map<string, string>();
  const users = new Map<string, string>();
  await prisma.$transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      let teamId = teams.get(account.team);
      if (!teamId) {
        teamId = (await tx.team.create({ data: { name: account.team }, select: { id: true } })).id;
        teams.set(account.team, teamId);
      }
      const user = await tx.user.create({
        data: { email: account.email, name: account.name, passwordHash },
        select: { id: true },
      });
      users.set(account.email, user.id);
      await tx.membership.create({ data: { teamId, userId: user.id, role: account.role } });
    }
    // In the same transaction: a failure leaves an empty database, seeded again next start.
    await createArticleInTransaction(tx, {
      userId: users.get('ana@demo.test')!,
      input: {
        teamId: teams.get('Rédaction démo')!,
        text: readFileSync(SEED_ARTICLE_PATH, 'utf8'),
        language: 'fr',
      },
    });
  });
  return { seeded: true };
}
