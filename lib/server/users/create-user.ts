// Sign-up: one rule set for the sign-up page and the API.
import 'server-only';
import bcrypt from 'bcryptjs';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { Prisma } from '@/generated/prisma/client';
import { signUpSchema } from '@/lib/validations/auth';
import { LIMITS, spend } from '@/lib/server/rate-limit';

export const BCRYPT_COST = 12;

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

/** `address`: the client's, when known (sign-ups are throttled per address). */
export async function createUser(input: unknown, address?: string): Promise<PublicUser> {
  const data = signUpSchema.parse(input);
  if (address) await spend(LIMITS.signUpAddress, address);
  const passwordHash = await bcrypt.hash(data.password, BCRYPT_COST);
  try {
    return await prisma.user.create({
      data: { email: data.email, name: data.name, passwordHash, timeZone: data.timeZone },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('email_taken', 'emailTaken');
    }
    throw error;
  }
}
