// Changing one's own name, interface language or time zone (PATCH /api/v1/me). Not audited:
// audit events belong to a team's journal, and no other change to an account alone (password,
// sessions) is recorded there either; only the account's deletion is.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { isLocale } from '@/lib/i18n/locales';
import { updateAccountSchema } from '@/lib/validations/account';
import type { accountDto } from '@/lib/validations/dto/account';

export type AccountDto = z.output<typeof accountDto>;

const accountSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  timeZone: true,
} as const;

function serializeAccount(row: {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  timeZone: string | null;
}): AccountDto {
  // users.locale is checked by the database (users_locale_known): anything else reads as unset.
  return { ...row, locale: isLocale(row.locale) ? row.locale : null };
}

/** Absent fields stay as they are; the account as it is afterwards. */
export async function updateAccount(options: {
  userId: string;
  input: unknown;
}): Promise<AccountDto> {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const data = updateAccountSchema.parse(options.input);
  const row = await prisma.user.update({
    where: { id: options.userId },
    data: { name: data.name, locale: data.locale, timeZone: data.timeZone },
    select: accountSelect,
  });
  return serializeAccount(row);
}
