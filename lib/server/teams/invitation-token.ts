// What reading and accepting an invitation share: the link's token checked and hashed (only
// the hash is stored), and the one answer for a link that is no longer valid.
import 'server-only';
import { AppError } from '@/lib/server/errors';
import { hashSecret } from '@/lib/server/secrets';
import { invitationTokenSchema } from '@/lib/validations/team';

export function invitationTokenHash(token: string): string {
  if (!invitationTokenSchema.safeParse(token).success) throw invalidInvitation();
  return hashSecret(token);
}

export function invalidInvitation(): AppError {
  return new AppError('invitation_invalid', 'invitationInvalid');
}
