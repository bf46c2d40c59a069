// The team journal's query (GET /api/v1/teams/{id}/audit and the journal page alike): a page
// cursor and the two filters, by member (who acted) and by action.
import { z } from 'zod';
import { TEAM_AUDIT_ACTIONS } from '@/lib/workflow/audit-labels';
import { idSchema } from './common';
import { bigintIdText, optionalQuery } from './query';
import { msg } from './messages';

export const auditQuerySchema = z.object({
  /** Events older than this id (pagination: the previous page's `nextBefore`). */
  before: optionalQuery(
    bigintIdText(1).describe(
      'only events older than this audit event id (the previous `nextBefore`)',
    ),
  ),
  /** Only what this member did (a user id; former members included). */
  member: optionalQuery(idSchema.describe('only events by this member (user id)')),
  /** Only this kind of change. */
  action: optionalQuery(
    z
      .enum(TEAM_AUDIT_ACTIONS, { error: msg('unknown.action') })
      .describe('only events of this action, e.g. `verdict.approve`'),
  ),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
