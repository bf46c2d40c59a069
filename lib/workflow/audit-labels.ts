// The audit actions FactDesk records (every `action` written in lib/server/**), their French
// labels — shared by the sentence history and the team journal — and how the journal's action
// filter groups them. Pure: shared by server and client code.

export const AUDIT_ACTIONS = [
  'article.create',
  'article.update',
  'article.revise',
  'article.deleted',
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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'article.create': 'Article ajouté',
  'article.update': 'Article modifié',
  'article.revise': 'Texte de l’article révisé',
  'article.deleted': 'Article supprimé',
  'annotation.create': 'Passage surligné',
  'annotation.update': 'Note de surlignage modifiée',
  'annotation.delete': 'Surlignage supprimé',
  'verdict.create': 'Verdict rédigé',
  'verdict.update': 'Verdict modifié',
  'verdict.submit': 'Verdict soumis',
  'verdict.approve': 'Verdict approuvé',
  'verdict.reject': 'Verdict renvoyé',
  'verdict.withdraw': 'Verdict retiré',
  'sentence.resolve': 'Litige tranché',
  'sentence.assign': 'Phrase attribuée',
  'comment.create': 'Commentaire ajouté',
  'comment.update': 'Commentaire modifié',
  'comment.delete': 'Commentaire supprimé',
  'team.create': 'Rédaction créée',
  'team.update': 'Réglages de la rédaction modifiés',
  /** Recorded outside the team (it is gone): for the operator, listed here for completeness. */
  'team.deleted': 'Rédaction supprimée',
  'account.deleted': 'Compte supprimé',
  'membership.create': 'Membre ajouté·e',
  'membership.update': 'Rôle modifié',
  'membership.delete': 'Membre retiré·e',
  'membership.leave': 'Membre parti·e',
  'member.account_deleted': 'Membre parti·e : compte supprimé',
  'invitation.create': 'Invitation créée',
  'invitation.accept': 'Invitation acceptée',
  'invitation.revoke': 'Invitation révoquée',
};

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

/** Recorded without a team (the team or the account is gone): never in a team's journal. */
const OUTSIDE_TEAMS: readonly AuditAction[] = ['team.deleted', 'account.deleted'];

/** The actions a team's journal can hold, hence its action filter's values. */
export const TEAM_AUDIT_ACTIONS = AUDIT_ACTIONS.filter((action) => !OUTSIDE_TEAMS.includes(action));

/** The journal's action filter, grouped as its <optgroup>s. */
export const TEAM_AUDIT_ACTION_GROUPS: { label: string; actions: AuditAction[] }[] = [
  {
    label: 'Verdicts',
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
  { label: 'Phrases', actions: ['sentence.assign'] },
  {
    label: 'Surlignages',
    actions: ['annotation.create', 'annotation.update', 'annotation.delete'],
  },
  { label: 'Commentaires', actions: ['comment.create', 'comment.update', 'comment.delete'] },
  {
    label: 'Articles',
    actions: ['article.create', 'article.update', 'article.revise', 'article.deleted'],
  },
  {
    label: 'Rédaction, membres et invitations',
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
    ],
  },
];
