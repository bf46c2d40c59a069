// Response shapes of accounts, sessions and access tokens (lib/server/users, auth, tokens).
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { idDto, timestampDto } from './common';

export const signedUpDto = z.strictObject({ id: idDto, email: z.email(), name: z.string() });

/** Your account as PATCH /api/v1/me leaves it. */
export const accountDto = z
  .strictObject({
    id: idDto,
    email: z.email(),
    name: z.string(),
    locale: z
      .enum(LOCALES)
      .nullable()
      .describe('interface language; null: the browser’s Accept-Language, else French'),
    timeZone: z
      .string()
      .nullable()
      .describe('IANA time zone of the dates shown to you; null: Europe/Paris'),
  })
  .meta({ id: 'Account' });

export const accountDeletedDto = z.strictObject({
  deleted: z.literal(true),
  teamsLeft: z.array(idDto).describe('teams that continue without you'),
  teamsDeleted: z.array(idDto).describe('teams you were the only member of'),
});

export const sessionDto = z
  .strictObject({
    id: idDto,
    createdAt: timestampDto,
    lastSeenAt: timestampDto,
    expiresAt: timestampDto.describe('12 hours after the last activity'),
    userAgent: z.string(),
    current: z.boolean().describe('the session making this request'),
  })
  .meta({ id: 'Session' });
export const sessionListDto = z.strictObject({ sessions: z.array(sessionDto) });
export const sessionsRevokedDto = z.strictObject({ revoked: z.int() });
export const passwordChangedDto = z.strictObject({
  changed: z.literal(true),
  otherSessionsRevoked: z.int(),
});

export const tokenDto = z
  .strictObject({
    id: idDto,
    name: z.string(),
    prefix: z.string().describe('the first characters of the token, to recognise it'),
    createdAt: timestampDto,
    lastUsedAt: timestampDto.nullable(),
    expiresAt: timestampDto.describe('chosen at creation; an expired token is refused (401)'),
    expired: z.boolean(),
  })
  .meta({ id: 'Token' });
export const tokenListDto = z.strictObject({ tokens: z.array(tokenDto) });
export const createdTokenDto = tokenDto.extend({
  token: z
    .string()
    .optional()
    .describe(
      '`fdp_…`: send it as `Authorization: Bearer …`; absent from an idempotent replay ' +
        '(the secret is shown once only)',
    ),
});
