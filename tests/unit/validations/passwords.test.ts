// Passwords are never trimmed (spaces are part of a password), but one made only of spaces is
// refused, when chosen and when typed to prove who one is (password change, account deletion).
import { describe, expect, it } from 'vitest';
import { deleteAccountSchema } from '@/lib/validations/account';
import { changePasswordSchema, signUpSchema } from '@/lib/validations/auth';

describe('password schemas', () => {
  it('keep spaces inside and around a password', () => {
    const parsed = signUpSchema.parse({ email: 'a@b.org', name: 'A', password: '  un mot long  ' });
    expect(parsed.password).toBe('  un mot long  ');
  });

  it('refuse a password made only of spaces', () => {
    expect(
      signUpSchema.safeParse({ email: 'a@b.org', name: 'A', password: ' '.repeat(12) }).success,
    ).toBe(false);
    expect(deleteAccountSchema.safeParse({ password: '   ' }).success).toBe(false);
    expect(
      changePasswordSchema.safeParse({ currentPassword: ' ', newPassword: 'un-mot-de-passe' })
        .success,
    ).toBe(false);
    expect(
      changePasswordSchema.safeParse({ currentPassword: 'ancien', newPassword: ' '.repeat(10) })
        .success,
    ).toBe(false);
  });

  it('refuse a new password equal to the current one, or beyond bcrypt’s 72 bytes', () => {
    expect(
      changePasswordSchema.safeParse({
        currentPassword: 'même-mot-long',
        newPassword: 'même-mot-long',
      }).success,
    ).toBe(false);
    expect(
      changePasswordSchema.safeParse({ currentPassword: 'ancien', newPassword: 'é'.repeat(37) })
        .success,
    ).toBe(false);
  });
});
