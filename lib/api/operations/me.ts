// Operations on your own account (sign-up, settings, deletion, sessions, password, queue),
// personal access tokens, and this document.
import { z } from 'zod';
import { deleteAccountSchema, updateAccountSchema } from '@/lib/validations/account';
import { changePasswordSchema, signUpSchema } from '@/lib/validations/auth';
import {
  accountDeletedDto,
  accountDto,
  createdTokenDto,
  passwordChangedDto,
  sessionListDto,
  sessionsRevokedDto,
  signedUpDto,
  tokenListDto,
} from '@/lib/validations/dto/account';
import { revokedDto } from '@/lib/validations/dto/common';
import { queueDto } from '@/lib/validations/dto/queue';
import { createTokenSchema } from '@/lib/validations/token';
import {
  body,
  bodyErrors,
  databaseUnavailable,
  fail,
  forbidden,
  idPath,
  internal,
  invalidJson,
  json,
  readErrors,
  sessionOnly,
  tooMany,
  writeErrors,
  bodyTooLarge,
  validationFailed,
  crossOrigin,
  unsupportedMediaType,
  type Operation,
} from './shared';

/** Enough of an OpenAPI document to know it is one (its shape is the OpenAPI 3.1 schema's). */
const openApiDocumentDto = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const meOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/signup',
    operationId: 'signUp',
    tag: 'me',
    summary: 'Create an account',
    security: [],
    body: body(signUpSchema),
    responses: {
      '201': json(signedUpDto, 'created'),
      '400': invalidJson,
      '403': crossOrigin,
      '409': fail('e-mail already used (`email_taken`)'),
      '413': bodyTooLarge,
      '415': unsupportedMediaType,
      '422': validationFailed,
      '429': tooMany('too many sign-ups from your address (`rate_limited`)'),
      '500': internal,
      '503': databaseUnavailable,
    },
  },
  {
    method: 'patch',
    path: '/api/v1/me',
    operationId: 'updateMyAccount',
    tag: 'me',
    summary: 'Change your name, interface language or time zone',
    description:
      'Absent fields stay as they are; `null` forgets a choice (the language then follows ' +
      'the browser’s Accept-Language, else French; the time zone is Europe/Paris). An unknown ' +
      'time zone is refused (422) and nothing is changed; a known one is stored with its case ' +
      'corrected (`europe/paris` → `Europe/Paris`).',
    body: body(updateAccountSchema),
    responses: { '200': json(accountDto, 'your account'), ...bodyErrors },
  },
  {
    method: 'delete',
    path: '/api/v1/me',
    operationId: 'deleteMyAccount',
    tag: 'me',
    summary: 'Delete your account (a browser session only, with your current password)',
    description:
      'Refused (409 `last_owner`) while you are the only owner of a team that has other ' +
      'members: hand ownership over or delete the team first. Otherwise your sessions, ' +
      'access tokens, memberships and draft verdicts are deleted, teams where you were the ' +
      'only member are deleted with their articles, and what you contributed to the other ' +
      'teams (verdicts, comments, highlights, journal entries) stays, signed ' +
      '« Compte supprimé »: the account is anonymised (name, e-mail, password), and each ' +
      'of those teams’ journals records `member.account_deleted`.',
    body: body(deleteAccountSchema),
    responses: {
      '200': json(accountDeletedDto, 'deleted: the session cookie no longer signs anyone in'),
      ...bodyErrors,
      '401': fail('not signed in (`unauthenticated`), or a wrong password (`invalid_credentials`)'),
      '403': forbidden('an access token cannot delete an account (`session_required`)'),
      '409': fail(
        'you are the only owner of a team with other members (`last_owner`); nothing deleted',
      ),
      '429': tooMany('too many wrong passwords (`rate_limited`)'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/me/sessions',
    operationId: 'listMySessions',
    tag: 'me',
    summary: 'Your open browser sessions (a browser session only)',
    responses: {
      '200': json(sessionListDto, 'the open sessions'),
      ...readErrors,
      '403': sessionOnly,
    },
  },
  {
    method: 'delete',
    path: '/api/v1/me/sessions',
    operationId: 'signOutEverywhere',
    tag: 'me',
    summary: 'Sign out everywhere: every session of your account ends, this one included',
    responses: {
      '200': json(sessionsRevokedDto, 'the sessions ended'),
      ...writeErrors,
      '403': sessionOnly,
    },
  },
  {
    method: 'delete',
    path: '/api/v1/me/sessions/{id}',
    operationId: 'endMySession',
    tag: 'me',
    summary: 'End one of your sessions',
    params: { path: idPath('Session') },
    responses: {
      '200': json(revokedDto, 'ended'),
      ...writeErrors,
      '403': sessionOnly,
      '404': fail('unknown, not yours, or already ended (`not_found`)'),
    },
  },
  {
    method: 'put',
    path: '/api/v1/me/password',
    operationId: 'changeMyPassword',
    tag: 'me',
    summary: 'Change your password (the current one required); your other sessions end',
    description:
      'The session making the change stays signed in; every other session of the account ' +
      'ends at once. Access tokens are not affected (revoke them one by one).',
    body: body(changePasswordSchema),
    responses: {
      '200': json(passwordChangedDto, 'changed'),
      ...bodyErrors,
      '401': fail(
        'not signed in (`unauthenticated`), or a wrong current password (`invalid_credentials`)',
      ),
      '403': sessionOnly,
      '429': tooMany('too many wrong passwords (`rate_limited`)'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/me/queue',
    operationId: 'getMyQueue',
    tag: 'me',
    summary: 'What waits for you: assigned sentences, verdicts to review, disputes',
    responses: { '200': json(queueDto, 'your queue'), ...readErrors },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'meta',
    summary: 'This document',
    responses: { '200': json(openApiDocumentDto, 'OpenAPI 3.1'), ...readErrors },
  },

  // ---- tokens ----------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/v1/tokens',
    operationId: 'listTokens',
    tag: 'tokens',
    summary: 'Your personal access tokens (not revoked; expired ones marked `expired`)',
    responses: { '200': json(tokenListDto, 'the tokens'), ...readErrors },
  },
  {
    method: 'post',
    path: '/api/v1/tokens',
    operationId: 'createToken',
    tag: 'tokens',
    summary: 'Create a personal access token (shown only once; a browser session only)',
    description:
      'Every token expires (`expiresInDays`, 90 by default, 365 at most). A token cannot ' +
      'create tokens. A retry with the same `Idempotency-Key` creates nothing and answers ' +
      'the first token without its secret (shown once only).',
    body: body(createTokenSchema),
    responses: {
      '201': json(createdTokenDto, 'created'),
      ...bodyErrors,
      '403': sessionOnly,
      '429': tooMany('20 new tokens per account per hour (`rate_limited`)'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/tokens/{id}',
    operationId: 'revokeToken',
    tag: 'tokens',
    summary: 'Revoke one of your tokens',
    params: { path: idPath('Token') },
    responses: {
      '200': json(revokedDto, 'revoked'),
      ...writeErrors,
      '404': fail('unknown, not yours, or already revoked (`not_found`)'),
    },
  },
];
