// One's own name, interface language and time zone through PATCH /api/v1/me on a real
// PostgreSQL: saved and answered as the Account schema says (FACTDESK_CHECK_RESPONSES), an
// unknown zone or language refused with 422 and nothing stored, the name trimmed, absent
// fields untouched, `null` forgetting a choice, and nobody else's account changed.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { PATCH as updateMeRoute } from '@/app/api/v1/me/route';
import { prisma } from '@/lib/db';
import { deleteAccount } from '@/lib/server/users/delete-account';
import { getUserPreferences } from '@/lib/server/users/get-user-preferences';
import { accountDto } from '@/lib/validations/dto/account';
import { makeUser, TEST_PASSWORD } from './fixtures';

function patchMe(userId: string, body: unknown) {
  session.userId = userId;
  return updateMeRoute(
    new Request('https://x.test/api/v1/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

function stored(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, locale: true, timeZone: true },
  });
}

describe('PATCH /api/v1/me', () => {
  it('saves the language and the zone, and answers the account', async () => {
    const user = await makeUser('Ana Lyste');
    const response = await patchMe(user.id, { locale: 'en', timeZone: 'America/Montreal' });
    expect(response.status).toBe(200);
    // A link zone keeps its name (Intl may resolve it to America/Toronto: the same clock).
    expect(accountDto.parse(await response.json())).toEqual({
      id: user.id,
      email: user.email,
      name: 'Ana Lyste',
      locale: 'en',
      timeZone: 'America/Montreal',
    });
    expect(await stored(user.id)).toEqual({
      name: 'Ana Lyste',
      locale: 'en',
      timeZone: 'America/Montreal',
    });
    // What the request configuration reads on every page.
    expect(await getUserPreferences({ userId: user.id })).toEqual({
      locale: 'en',
      timeZone: 'America/Montreal',
    });
  });

  it('corrects the case of a zone', async () => {
    const user = await makeUser();
    const response = await patchMe(user.id, { timeZone: '  europe/paris ' });
    expect(response.status).toBe(200);
    expect((await stored(user.id)).timeZone).toBe('Europe/Paris');
  });

  it('refuses an unknown zone or language with 422, and stores nothing', async () => {
    const user = await makeUser('Inchangée');
    await patchMe(user.id, { locale: 'fr', timeZone: 'Europe/Paris' });
    for (const body of [
      { name: 'Autre nom', timeZone: 'Mars/Olympus' },
      { name: 'Autre nom', timeZone: 'x'.repeat(65) },
      { name: 'Autre nom', locale: 'de' },
      { name: 'Autre nom', locale: 'FR' },
      { name: '   ' },
    ]) {
      const response = await patchMe(user.id, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const { error } = (await response.json()) as { error: { code: string } };
      expect(error.code).toBe('validation_failed');
    }
    expect(await stored(user.id)).toEqual({
      name: 'Inchangée',
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
  });

  it('trims the name, leaves absent fields alone, and null forgets a choice', async () => {
    const user = await makeUser();
    await patchMe(user.id, { locale: 'en', timeZone: 'Pacific/Noumea' });
    expect((await patchMe(user.id, { name: '  Nouvelle Nom  ' })).status).toBe(200);
    expect(await stored(user.id)).toEqual({
      name: 'Nouvelle Nom',
      locale: 'en',
      timeZone: 'Pacific/Noumea',
    });
    const response = await patchMe(user.id, { locale: null, timeZone: null });
    expect(await response.json()).toMatchObject({ locale: null, timeZone: null });
    expect(await stored(user.id)).toEqual({ name: 'Nouvelle Nom', locale: null, timeZone: null });
  });

  it('changes only the caller’s account', async () => {
    const [me, other] = await Promise.all([makeUser('Moi'), makeUser('Quelqu’un')]);
    await patchMe(me.id, { name: 'Moi encore', locale: 'en', timeZone: 'Asia/Tokyo' });
    expect(await stored(other.id)).toEqual({ name: 'Quelqu’un', locale: null, timeZone: null });
  });

  it('a deleted account keeps neither its language nor its zone (where someone lives)', async () => {
    const user = await makeUser('Partante');
    await patchMe(user.id, { locale: 'en', timeZone: 'Africa/Dakar' });
    await deleteAccount({ userId: user.id, input: { password: TEST_PASSWORD } });
    expect(await stored(user.id)).toMatchObject({ locale: null, timeZone: null });
  });

  it('the database refuses a language or a zone the API would not store', async () => {
    const user = await makeUser();
    await expect(
      prisma.$executeRaw`UPDATE users SET locale = 'de' WHERE id = ${user.id}::uuid`,
    ).rejects.toThrow(/users_locale_known/);
    await expect(
      prisma.$executeRaw`UPDATE users SET time_zone = ${'x'.repeat(65)} WHERE id = ${user.id}::uuid`,
    ).rejects.toThrow(/users_time_zone_length/);
  });
});
