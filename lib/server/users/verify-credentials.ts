// Checks an e-mail and password. Unknown e-mail and wrong password cost the same bcrypt work
// and give the same answer, so the sign-in form reveals nothing about which accounts exist.
import 'server-only';
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { prisma } from '@/lib/db';
import { signInSchema } from '@/lib/validations/auth';
import { BCRYPT_COST, type PublicUser } from './create-user';

// A hash of a random secret at the same cost, compared against when the e-mail is unknown.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= bcrypt.hash(randomUUID(), BCRYPT_COST);
  return dummyHash;
}

export async function verifyCredentials(input: unknown): Promise<PublicUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await bcrypt.compare(
    parsed.data.password,
    user?.passwordHash ?? (await getDummyHash()),
  );
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}
