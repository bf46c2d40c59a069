// The audit actions FactDesk records (every `action` written in lib/server/**) and how the
// journal's action filter groups them; their labels are the catalogue's `audit.action.*`,
// shared by the sentence history and the team journal. Pure: shared by server and client code.

export const AUDIT_ACTIONS = [
  'article.create',
  'article.update',
  'article.revise',
  'article.deleted',
  'article.publish',
  'article.unpublish',
  'annotation.create',
  'annotation.update',
  'annotation.delete',
  'verdict.create',
  'verdict.update',
  'verdict.submit',
  'verdict.approve',
  'verdict.reject',
  'verdict.withdraw',
  'sentence.resolve',
  'sentence.assign',
  'comment.create',
  'comment.update',
  'comment.delete',
  'team.create',
  'team.update',
  'team.deleted',
  'account.deleted',
  'membership.create',
  'membership.update',
  'membership.delete',
  'membership.leave',
  'member.account_deleted',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'factcheck.import',
  'factcheck.feed_add',
  'factcheck.feed_remove',
  'factcheck.trust',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * An action's label in the catalogue (`audit.action.<action>`: the action's dots are the key's
 * path), given the `audit` namespace's translator; an unknown action is shown as recorded.
 */
export function auditActionLabel(
  t: { (key: `action.${AuditAction}`): string },
  action: string,
): string {
  return isAuditAction(action) ? t(`action.${action}`) : action;
}

/** Recorded without a team (the team or the account is gone): never in a team's journal. */
const OUTSIDE_TEAMS: readonly AuditAction[] = ['team.deleted', 'account.deleted'];

/** The actions a team's journal can hold, hence its action filter's values. */
export const TEAM_AUDIT_ACTIONS = AUDIT_ACTIONS.filter((action) => !OUTSIDE_TEAMS.includes(action));

/** The journal's action filter, grouped as its <optgroup>s (labels: `audit.groups.<key>`). */
export const TEAM_AUDIT_ACTION_GROUPS: {
  key: 'verdicts' | 'sentences' | 'highlights' | 'comments' | 'articles' | 'team';
  actions: AuditAction[];
}[] = [
  {
    key: 'verdicts',
    actions: [
      'verdict.create',
      'verdict.update',
      'verdict.submit',
      'verdict.approve',
      'verdict.reject',
      'verdict.withdraw',
      'sentence.resolve',
    ],
  },
  { key: 'sentences', actions: ['sentence.assign'] },
  {
    key: 'highlights',
    actions: ['annotation.create', 'annotation.update', 'annotation.delete'],
  },
  { key: 'comments', actions: ['comment.create', 'comment.update', 'comment.delete'] },
  {
    key: 'articles',
    actions: [
      'article.create',
      'article.update',
      'article.revise',
      'article.deleted',
      'article.publish',
      'article.unpublish',
    ],
  },
  {
    key: 'team',
    actions: [
      'team.create',
      'team.update',
      'membership.create',
      'membership.update',
      'membership.delete',
      'membership.leave',
      'member.account_deleted',
      'invitation.create',
      'invitation.accept',
      'invitation.revoke',
      'factcheck.import',
      'factcheck.feed_add',
      'factcheck.feed_remove',
      'factcheck.trust',
    ],
  },
];
