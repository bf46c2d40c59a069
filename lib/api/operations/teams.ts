// Operations on teams, members, the audit trail, team reports and invitations.
import { z } from 'zod';
import { revokedDto, deletedDto } from '@/lib/validations/dto/common';
import {
  createdInvitationDto,
  invitationAcceptedDto,
  invitationListDto,
  invitationPreviewDto,
  memberListDto,
  memberRemovedDto,
  memberRoleDto,
  teamAuditDto,
  teamDto,
  teamListDto,
  teamSettingsDto,
} from '@/lib/validations/dto/team';
import { teamReportQuerySchema } from '@/lib/validations/report';
import {
  factCheckFeedDto,
  factCheckFeedListDto,
  factCheckImportDto,
  factCheckPublisherDto,
  factCheckPublisherListDto,
} from '@/lib/validations/dto/fact-check';
import {
  FACT_CHECK_IMPORT_MAX_CHARACTERS,
  FACT_CHECK_IMPORT_MAX_ITEMS,
  factCheckFeedSchema,
  factCheckImportSchema,
  factCheckPublisherSchema,
} from '@/lib/validations/matching';
import { auditQuerySchema } from '@/lib/validations/audit';
import {
  createInvitationSchema,
  createTeamSchema,
  deleteTeamSchema,
  invitationTokenSchema,
  updateMemberSchema,
  updateTeamSchema,
} from '@/lib/validations/team';
import { reportContent } from './articles';
import {
  body,
  bodyErrors,
  fail,
  forbidden,
  idPath,
  invitationInvalid,
  count,
  json,
  mebibytes,
  notFound,
  pathOf,
  readErrors,
  uuidParam,
  writeErrors,
  type Operation,
} from './shared';
import { IMPORT_MAX_BODY_BYTES } from '@/lib/validations/limits';

const tokenPath = z.object({
  token: invitationTokenSchema.describe('the invitation token from the link (`fdi_…`), not a uuid'),
});

export const teamOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/teams',
    operationId: 'listTeams',
    tag: 'teams',
    summary: 'Your teams, with your role',
    responses: { '200': json(teamListDto, 'the teams'), ...readErrors },
  },
  {
    method: 'post',
    path: '/api/v1/teams',
    operationId: 'createTeam',
    tag: 'teams',
    summary: 'Create a team (you become its owner)',
    body: body(createTeamSchema),
    responses: { '201': json(teamDto, 'created'), ...bodyErrors },
  },
  {
    method: 'patch',
    path: '/api/v1/teams/{id}',
    operationId: 'updateTeam',
    tag: 'teams',
    summary: 'Change a team’s settings (owners)',
    description:
      'Any of: `allowPartyAdjudication`, whether an editor or owner who rated a disputed ' +
      'sentence may settle the dispute (false by default; the reports then mention it); ' +
      '`publicationLanguage` (`fr` by default, or `en`), the language of the team’s reports ' +
      '(labels, methodology, ClaimReview `alternateName`), whatever each member’s interface ' +
      'language; `publicName`, `publicUrl`, `logoUrl`: how the team signs its reports and ' +
      'their ClaimReview (`author` with `url` and `logo`; null or blank clears, only http(s) ' +
      'addresses); `nameReviewers` (true by default): whether the published pages name the ' +
      'fact-checker and the approver of each verdict, or the team only. An absent field is ' +
      'unchanged.',
    params: { path: idPath('Team') },
    body: body(updateTeamSchema),
    responses: {
      '200': json(teamSettingsDto, 'the team’s settings'),
      ...bodyErrors,
      '403': forbidden('only owners change a team’s settings'),
      '404': notFound('Team'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/teams/{id}',
    operationId: 'deleteTeam',
    tag: 'teams',
    summary: 'Delete a team for good, confirmed by its exact name (owners)',
    description:
      'With its articles (and everything on them), memberships, invitations, jobs and ' +
      'journal. The deletion itself is recorded outside the team, for the operator.',
    params: { path: idPath('Team') },
    body: body(deleteTeamSchema),
    responses: {
      '200': json(deletedDto, 'deleted'),
      ...bodyErrors,
      '403': forbidden('only owners delete a team'),
      '404': notFound('Team'),
      '422': fail(
        'invalid values, or `confirmName` is not the team’s name (`validation_failed`); ' +
          'nothing deleted',
      ),
    },
  },
  {
    method: 'get',
    path: '/api/v1/teams/{id}/members',
    operationId: 'listMembers',
    tag: 'teams',
    summary: 'Members of a team',
    params: { path: idPath('Team') },
    responses: {
      '200': json(memberListDto, 'the members'),
      ...readErrors,
      '404': notFound('Team'),
    },
  },
  {
    method: 'patch',
    path: '/api/v1/teams/{id}/members/{userId}',
    operationId: 'updateMember',
    tag: 'teams',
    summary: 'Change a member’s role (owners)',
    params: { path: pathOf({ id: uuidParam('Team'), userId: uuidParam('Member’s user') }) },
    body: body(updateMemberSchema),
    responses: {
      '200': json(memberRoleDto, 'the new role'),
      ...bodyErrors,
      '403': forbidden('only owners manage members'),
      '404': notFound('Team or member'),
      '409': fail('the team would be left without an owner (`last_owner`)'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/teams/{id}/members/{userId}',
    operationId: 'removeMember',
    tag: 'teams',
    summary: 'Remove a member (owners), or leave the team (your own id)',
    params: { path: pathOf({ id: uuidParam('Team'), userId: uuidParam('Member’s user') }) },
    responses: {
      '200': json(memberRemovedDto, 'removed'),
      ...writeErrors,
      '403': forbidden('only owners remove someone else'),
      '404': notFound('Team or member'),
      '409': fail('the team would be left without an owner (`last_owner`)'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/teams/{id}/audit',
    operationId: 'listTeamAudit',
    tag: 'teams',
    summary: 'The team’s audit trail, newest first, 100 events a page (owners)',
    params: { path: idPath('Team'), query: auditQuerySchema },
    responses: {
      '200': json(teamAuditDto, 'a page of events'),
      ...readErrors,
      '403': forbidden('only owners read the audit trail'),
      '404': notFound('Team'),
      '422': fail(
        '`before` is not an audit event id (not a positive integer, beyond PostgreSQL’s ' +
          'bigint), `member` not a uuid, `action` not a team action, or one given twice ' +
          '(`validation_failed`)',
      ),
    },
  },
  {
    method: 'get',
    path: '/api/v1/teams/{id}/report',
    operationId: 'getTeamReport',
    tag: 'teams',
    summary:
      'Verified claims across the team’s articles, filtered by approval date, verdict and reviewer',
    params: { path: idPath('Team'), query: teamReportQuerySchema },
    responses: {
      '200': {
        description: 'the report (a download unless `download=0`), whole, with Content-Length',
        content: reportContent,
      },
      ...readErrors,
      '404': notFound('Team'),
      '422': fail(
        'an invalid filter, a `reviewer` who is not a member of the team (whoever the id ' +
          'is: nothing about them is told), or a parameter given twice (`validation_failed`)',
      ),
    },
  },

  // ---- invitations -----------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/v1/teams/{id}/invitations',
    operationId: 'listInvitations',
    tag: 'invitations',
    summary: 'Pending invitations of a team (editors and owners)',
    params: { path: idPath('Team') },
    responses: {
      '200': json(invitationListDto, 'the invitations'),
      ...readErrors,
      '403': forbidden('only editors and owners see invitations'),
      '404': notFound('Team'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/teams/{id}/invitations',
    operationId: 'createInvitation',
    tag: 'invitations',
    summary: 'Create an invitation link (the token is shown only once)',
    params: { path: idPath('Team') },
    body: body(createInvitationSchema),
    responses: {
      '201': json(createdInvitationDto, 'created'),
      ...bodyErrors,
      '403': forbidden('only editors and owners invite; editors invite reviewers and viewers only'),
      '404': notFound('Team'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/teams/{id}/invitations/{invitationId}',
    operationId: 'revokeInvitation',
    tag: 'invitations',
    summary:
      'Revoke a pending invitation (owners any, editors those they may create: reviewer and viewer)',
    params: { path: pathOf({ id: uuidParam('Team'), invitationId: uuidParam('Invitation') }) },
    responses: {
      '200': json(revokedDto, 'revoked'),
      ...writeErrors,
      '403': forbidden(
        'only editors and owners revoke invitations; editors only reviewer and viewer ones',
      ),
      '404': fail(
        'team or invitation unknown, or the invitation was already used or revoked ' +
          '(`not_found`)',
      ),
    },
  },
  {
    method: 'get',
    path: '/api/v1/invitations/{token}',
    operationId: 'getInvitation',
    tag: 'invitations',
    summary: 'What an invitation offers, before accepting it',
    params: { path: tokenPath },
    responses: {
      '200': json(invitationPreviewDto, 'the invitation'),
      ...readErrors,
      '410': invitationInvalid,
    },
  },
  {
    method: 'post',
    path: '/api/v1/invitations/{token}/accept',
    operationId: 'acceptInvitation',
    tag: 'invitations',
    summary: 'Accept an invitation: join the team with its role',
    params: { path: tokenPath },
    responses: {
      '200': json(invitationAcceptedDto, 'joined'),
      ...writeErrors,
      '409': fail('already a member of this team (`invalid_state`)'),
      '410': invitationInvalid,
    },
  },
  {
    method: 'post',
    path: '/api/v1/teams/{id}/fact-checks/import',
    operationId: 'importFactChecks',
    tag: 'fact-checks',
    summary: 'Import other fact-checkers’ ClaimReviews from a file (editors and owners)',
    description:
      'The file’s text in `document`: a ClaimReview, an array of them, a schema.org `DataFeed` ' +
      '(Google Fact Check Tools’ shape) or an HTML page whose `application/ld+json` blocks hold ' +
      `them; ${count(FACT_CHECK_IMPORT_MAX_CHARACTERS)} characters and ` +
      `${count(FACT_CHECK_IMPORT_MAX_ITEMS)} ClaimReviews at most. Deduplicated by URL (a known ` +
      'URL is replaced). Items refused — a non-http(s) URL, markup in a text, no claim, a claim ' +
      'over 2,000 characters, a URL twice — are listed in `skipped` with why and store nothing; ' +
      'the others are stored in one transaction. Their publishers are trusted only with `trust`.',
    params: { path: idPath('Team') },
    body: body(factCheckImportSchema),
    responses: {
      '201': json(factCheckImportDto, 'imported'),
      ...bodyErrors,
      '403': forbidden('only editors and owners import fact-checks'),
      '404': notFound('Team'),
      '413': fail(
        `a body over ${mebibytes(IMPORT_MAX_BODY_BYTES)}, a document over the character limit, ` +
          'or too many ClaimReviews (`payload_too_large`): nothing imported',
      ),
      '422': fail(
        'not JSON nor a page with JSON-LD, nested over 32 levels, no ClaimReview, or none usable ' +
          '(`validation_failed`, details.skipped): nothing imported',
      ),
    },
  },
  {
    method: 'get',
    path: '/api/v1/teams/{id}/fact-check-feeds',
    operationId: 'listFactCheckFeeds',
    tag: 'fact-checks',
    summary: 'The ClaimReview feeds the team follows, with their last refresh',
    params: { path: idPath('Team') },
    responses: {
      '200': json(factCheckFeedListDto, 'the feeds'),
      ...readErrors,
      '404': notFound('Team'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/teams/{id}/fact-check-feeds',
    operationId: 'addFactCheckFeed',
    tag: 'fact-checks',
    summary: 'Follow a ClaimReview feed (editors and owners); fetched by a worker, then hourly',
    description:
      'The worker fetches it through the SSRF-safe fetcher (public addresses only, 10 MiB and ' +
      '10,000 ClaimReviews at most) at once, then every FACT_CHECK_FEED_EVERY_HOURS hours.',
    params: { path: idPath('Team') },
    body: body(factCheckFeedSchema),
    responses: {
      '201': json(factCheckFeedDto, 'followed'),
      ...bodyErrors,
      '403': forbidden('only editors and owners add feeds'),
      '404': notFound('Team'),
      '409': fail('the team already follows this feed (`conflict`)'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/teams/{id}/fact-check-feeds/{feedId}',
    operationId: 'removeFactCheckFeed',
    tag: 'fact-checks',
    summary: 'Stop following a feed; the fact-checks it brought are removed',
    params: { path: pathOf({ id: uuidParam('Team'), feedId: uuidParam('Feed') }) },
    responses: {
      '204': { description: 'removed' },
      ...writeErrors,
      '403': forbidden('only editors and owners remove feeds'),
      '404': notFound('Team or feed'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/teams/{id}/fact-check-publishers',
    operationId: 'listFactCheckPublishers',
    tag: 'fact-checks',
    summary: 'The organisations whose fact-checks the team imported, trusted or not',
    params: { path: idPath('Team') },
    responses: {
      '200': json(factCheckPublisherListDto, 'the publishers'),
      ...readErrors,
      '404': notFound('Team'),
    },
  },
  {
    method: 'patch',
    path: '/api/v1/teams/{id}/fact-check-publishers/{publisherId}',
    operationId: 'setFactCheckPublisherTrust',
    tag: 'fact-checks',
    summary: 'Trust a publisher or not (editors and owners): only trusted ones show in matches',
    params: { path: pathOf({ id: uuidParam('Team'), publisherId: uuidParam('Publisher') }) },
    body: body(factCheckPublisherSchema),
    responses: {
      '200': json(factCheckPublisherDto, 'the publisher'),
      ...bodyErrors,
      '403': forbidden('only editors and owners choose trusted sources'),
      '404': notFound('Team or publisher'),
    },
  },
];
