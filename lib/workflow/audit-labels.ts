// French labels for audit actions, shared by the sentence history and the team journal.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'article.create': 'Article ajouté',
  'article.update': 'Article modifié',
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

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
