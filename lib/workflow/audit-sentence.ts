// One audit event as a French sentence (« Ben a approuvé le verdict d’Ana sur la phrase 4 »)
// and what it changed as readable before → after pairs (rating, rationale, role, title…), for
// the team journal. Pure: the listing (lib/server/teams/list-team-audit.ts) looks up the names and
// the sentence number, and redacts first (lib/server/audit/redact.ts): a redacted side shows
// none of its content here either, only a note saying why.
import { isRole, ROLE_LABELS } from '@/lib/permissions';
import { isRating, ratingLabel } from '@/lib/reports/verdict-scale';
import { capitalize, de } from '@/lib/text/french';
import { auditActionLabel, isAuditAction, type AuditAction } from './audit-labels';
import { isVerdictStatus, VERDICT_STATUS_LABELS } from './sentence-state';

export interface AuditPerson {
  id: string;
  name: string;
}

export interface AuditEventInput {
  action: string;
  /** Who did it; null when their account is gone. */
  actor: AuditPerson | null;
  /**
   * Whom it was done to: a verdict's author (verdict events), the member concerned (membership
   * events); null when unknown or gone.
   */
  subject: AuditPerson | null;
  /** The sentence it happened on: its 1-based number, null when a revision removed it. */
  sentence: { number: number | null } | null;
  /** The article it happened in; a null title when the article is gone. */
  article: { title: string | null } | null;
  before: unknown;
  after: unknown;
}

export interface AuditChange {
  label: string;
  /** Null when that side does not have it (a creation, a deletion, a redacted side). */
  before: string | null;
  after: string | null;
}

export interface AuditDescription {
  sentence: string;
  changes: AuditChange[];
  /** Why part of the event is not shown (a teammate's draft, a deleted comment…), or null. */
  hidden: string | null;
}

type Side = Record<string, unknown> | null;

function sideOf(value: unknown): Side {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function quoted(value: string): string {
  return `« ${value} »`;
}

// ---- the sentence ---------------------------------------------------------------------------

interface Parts {
  actor: string;
  isOwn: boolean;
  /** « le verdict d’Ana », « son verdict ». */
  verdict: string;
  member: string;
  /** « la phrase 4 », « une phrase retirée du texte ». */
  place: string;
  article: string;
  before: Side;
  after: Side;
}

function roleOf(value: unknown): string | null {
  return isRole(value) ? ROLE_LABELS[value].toLocaleLowerCase('fr-FR') : null;
}

/** One sentence per action FactDesk records: a new action without one fails tsc. */
const SENTENCES: Record<AuditAction, (p: Parts) => string> = {
  'article.create': (p) => `${p.actor} a ajouté ${p.article}`,
  'article.update': (p) => `${p.actor} a modifié ${p.article}`,
  'article.revise': (p) => {
    const version = p.after?.version;
    return `${p.actor} a révisé le texte ${de(p.article)}${typeof version === 'number' ? ` (version ${version})` : ''}`;
  },
  'article.deleted': (p) => `${p.actor} a supprimé ${p.article}`,
  'annotation.create': (p) => `${p.actor} a surligné un passage ${de(p.place)}`,
  'annotation.update': (p) => `${p.actor} a modifié la note d’un surlignage ${de(p.place)}`,
  'annotation.delete': (p) => `${p.actor} a supprimé un surlignage ${de(p.place)}`,
  'verdict.create': (p) =>
    `${p.actor} a rédigé ${p.isOwn ? 'un verdict' : p.verdict} sur ${p.place}`,
  'verdict.update': (p) => `${p.actor} a modifié ${p.verdict} sur ${p.place}`,
  'verdict.submit': (p) => `${p.actor} a soumis ${p.verdict} sur ${p.place}`,
  'verdict.approve': (p) => `${p.actor} a approuvé ${p.verdict} sur ${p.place}`,
  'verdict.reject': (p) => `${p.actor} a renvoyé ${p.verdict} sur ${p.place}`,
  'verdict.withdraw': (p) => `${p.actor} a retiré ${p.verdict} sur ${p.place}`,
  'sentence.resolve': (p) =>
    // A party may settle only where the team allows it (lib/server/verdicts/adjudication.ts).
    `${p.actor} a tranché le litige sur ${p.place}${p.after?.byParty === true ? ' après l’avoir notée' : ''}`,
  'sentence.assign': (p) => {
    const assignee = sideOf(p.after?.assignee);
    const name = text(assignee?.name);
    return name
      ? `${p.actor} a attribué ${p.place} à ${name}`
      : `${p.actor} a retiré l’attribution ${de(p.place)}`;
  },
  'comment.create': (p) =>
    typeof p.after?.parentId === 'string'
      ? `${p.actor} a répondu à un commentaire sur ${p.place}`
      : `${p.actor} a commenté ${p.place}`,
  'comment.update': (p) => `${p.actor} a modifié un commentaire sur ${p.place}`,
  'comment.delete': (p) => `${p.actor} a supprimé un commentaire sur ${p.place}`,
  'team.create': (p) => {
    const name = text(p.after?.name);
    return `${p.actor} a créé la rédaction${name ? ` ${quoted(name)}` : ''}`;
  },
  'team.update': (p) => `${p.actor} a modifié les réglages de la rédaction`,
  'team.deleted': (p) => `${p.actor} a supprimé la rédaction`,
  'account.deleted': (p) => `${p.actor} a supprimé son compte`,
  'membership.create': (p) => {
    const role = roleOf(p.after?.role);
    const as = role ? ` en tant que ${role}` : '';
    return p.isOwn
      ? `${p.actor} a rejoint la rédaction${as}`
      : `${p.actor} a ajouté ${p.member} à la rédaction${as}`;
  },
  'membership.update': (p) =>
    p.isOwn ? `${p.actor} a changé son propre rôle` : `${p.actor} a changé le rôle ${de(p.member)}`,
  'membership.delete': (p) => `${p.actor} a retiré ${p.member} de la rédaction`,
  'membership.leave': (p) => `${p.actor} a quitté la rédaction`,
  'member.account_deleted': (p) => `${p.actor} a supprimé son compte et quitté la rédaction`,
  'invitation.create': (p) => {
    const role = roleOf(p.after?.role);
    return `${p.actor} a créé un lien d’invitation${role ? ` (${role})` : ''}`;
  },
  'invitation.accept': (p) => {
    const role = roleOf(p.after?.role);
    return `${p.actor} a accepté une invitation${role ? ` (${role})` : ''}`;
  },
  'invitation.revoke': (p) => `${p.actor} a révoqué un lien d’invitation`,
};

// ---- what changed ---------------------------------------------------------------------------

interface FieldSpec {
  key: string;
  label: string;
  /** The value as people read it; null to leave the field out. */
  format: (value: unknown) => string | null;
}

function plain(value: unknown): string | null {
  if (value === null) return '(aucun)';
  if (typeof value === 'string') return value.trim() === '' ? '(vide)' : value;
  if (typeof value === 'number') return String(value);
  return null;
}

const FIELDS: FieldSpec[] = [
  { key: 'title', label: 'Titre', format: plain },
  { key: 'name', label: 'Nom', format: plain },
  { key: 'role', label: 'Rôle', format: (v) => (typeof v === 'string' ? roleOf(v) : null) },
  {
    key: 'rating',
    label: 'Verdict',
    format: (v) => (isRating(v) ? ratingLabel(v) : null),
  },
  {
    key: 'status',
    label: 'État',
    format: (v) => (isVerdictStatus(v) ? VERDICT_STATUS_LABELS[v] : null),
  },
  { key: 'rationale', label: 'Justification', format: plain },
  {
    key: 'sources',
    label: 'Sources',
    format: (v) =>
      Array.isArray(v)
        ? v.length === 0
          ? '(aucune)'
          : v.filter((s): s is string => typeof s === 'string').join(', ')
        : null,
  },
  { key: 'note', label: 'Note', format: (v) => (v === null ? '(aucune)' : plain(v)) },
  { key: 'body', label: 'Texte', format: plain },
  { key: 'reason', label: 'Motif du renvoi', format: plain },
  {
    key: 'assignee',
    label: 'Attribuée à',
    format: (v) => (v === null ? 'personne' : text(sideOf(v)?.name)),
  },
  { key: 'language', label: 'Langue', format: plain },
  { key: 'units', label: 'Unités de texte', format: plain },
  { key: 'sourceUrl', label: 'Adresse d’origine', format: (v) => (v === null ? null : plain(v)) },
  { key: 'verdictsToRecheck', label: 'Verdicts à revérifier', format: plain },
  {
    key: 'allowPartyAdjudication',
    label: 'Les parties à un litige peuvent le trancher',
    format: (v) => (typeof v === 'boolean' ? (v ? 'oui' : 'non') : null),
  },
  {
    key: 'sentences',
    label: 'Phrases',
    format: (v) => {
      const counts = sideOf(v);
      if (!counts) return null;
      const parts = (
        [
          ['changed', 'modifiée(s)'],
          ['nearly', 'retouchée(s)'],
          ['added', 'ajoutée(s)'],
          ['removed', 'retirée(s)'],
          ['same', 'inchangée(s)'],
        ] as const
      )
        .filter(([key]) => typeof counts[key] === 'number')
        .map(([key, label]) => `${counts[key] as number} ${label}`);
      return parts.length > 0 ? parts.join(', ') : null;
    },
  },
];

/** A version number is worth showing where it is the change itself: a revised text. */
const VERSIONED = new Set(['article.revise']);

function changesOf(action: string, before: Side, after: Side): AuditChange[] {
  const fields: FieldSpec[] = VERSIONED.has(action)
    ? [{ key: 'version', label: 'Version', format: plain }, ...FIELDS]
    : FIELDS;
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const had = before !== null && field.key in before;
    const has = after !== null && field.key in after;
    if (!had && !has) continue;
    if (had && has && JSON.stringify(before[field.key]) === JSON.stringify(after[field.key])) {
      continue;
    }
    const was = had ? field.format(before[field.key]) : null;
    const is = has ? field.format(after[field.key]) : null;
    if (was === null && is === null) continue;
    changes.push({ label: field.label, before: was, after: is });
  }
  return changes;
}

function hiddenNote(action: string, before: Side, after: Side): string | null {
  if (before?.redacted !== true && after?.redacted !== true) return null;
  if (action.startsWith('verdict.')) {
    return 'Le contenu d’un brouillon reste privé : seul·e son auteur·rice le voit.';
  }
  if (action.startsWith('comment.')) return 'Le texte de ce commentaire a été supprimé.';
  if (action.startsWith('article.')) return 'Le contenu a été retiré avec l’article.';
  return 'Une partie de cet événement n’est pas affichée.';
}

// ---- together -------------------------------------------------------------------------------

export function describeAuditEvent(event: AuditEventInput): AuditDescription {
  const before = sideOf(event.before);
  const after = sideOf(event.after);
  const isOwn = event.actor !== null && event.subject?.id === event.actor.id;
  const articleTitle =
    text(event.article?.title) ??
    text(after?.title) ??
    (before?.redacted === true ? null : text(before?.title));
  const number = event.sentence?.number ?? null;
  const parts: Parts = {
    actor: event.actor?.name ?? 'un compte supprimé',
    isOwn,
    verdict: isOwn ? 'son verdict' : `le verdict ${de(event.subject?.name ?? 'un·e membre')}`,
    member: event.subject?.name ?? 'un·e membre',
    place: event.sentence
      ? number !== null
        ? `la phrase ${number}`
        : 'une phrase retirée du texte'
      : 'l’article',
    article: articleTitle ? `l’article ${quoted(articleTitle)}` : 'un article supprimé',
    before,
    after,
  };
  const sentence = isAuditAction(event.action)
    ? SENTENCES[event.action](parts)
    : `${parts.actor} : ${auditActionLabel(event.action)}`;
  return {
    sentence: capitalize(sentence),
    changes: changesOf(event.action, before, after),
    hidden: hiddenNote(event.action, before, after),
  };
}
