// Sign-up: one rule set for the sign-up page and the API.
import 'server-only';
import bcrypt from 'bcryptjs';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { Prisma } from '@/generated/prisma/client';
import { signUpSchema } from '@/lib/validations/auth';

export const BCRYPT_COST = 12;

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(input: unknown): Promise<PublicUser> {
  const data = signUpSchema.parse(input);
  const passwordHash = await bcrypt.hash(data.password, BCRYPT_COST);
  try {
    return await prisma.user.create({
      data: { email: data.email, name: data.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('email_taken', 'Un compte existe déjà avec cette adresse e-mail.');
    }
    throw error;
  }
}
