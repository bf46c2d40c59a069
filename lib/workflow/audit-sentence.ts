// One audit event as a sentence in the reader's language (« Ben a approuvé le verdict d’Ana sur
// la phrase 4 », "Ben approved Ana’s verdict on sentence 4"; the catalogue's `audit` namespace)
// and what it changed as readable before → after pairs (rating, rationale, role, title…), for
// the team journal. Pure: the listing (lib/server/teams/list-team-audit.ts) looks up the names and
// the sentence number, and redacts first (lib/server/audit/redact.ts): a redacted side shows
// none of its content here either, only a note saying why.
import { createTranslator } from 'use-intl/core';
import { currentLocale } from '@/lib/i18n/current-locale';
import type { Locale } from '@/lib/i18n/locales';
import enAudit from '@/lib/i18n/messages/en/audit.json';
import enLabels from '@/lib/i18n/messages/en/labels.json';
import frAudit from '@/lib/i18n/messages/fr/audit.json';
import frLabels from '@/lib/i18n/messages/fr/labels.json';
import { isRole } from '@/lib/permissions';
import { isRating } from '@/lib/reports/verdict-scale';
import { capitalize, de } from '@/lib/text/french';
import { isAuditAction } from './audit-labels';
import { isVerdictStatus } from './sentence-state';

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

// ---- the sentence ---------------------------------------------------------------------------

type Translate = (key: string, values?: Record<string, string | number>) => string;

const CATALOGUE: Record<Locale, { audit: typeof frAudit; labels: typeof frLabels }> = {
  fr: { audit: frAudit, labels: frLabels },
  en: { audit: enAudit, labels: enLabels },
};
const translators = new Map<Locale, Translate>();

/** The `audit` and `labels` namespaces in `locale` (use-intl's core: no React here). */
function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: CATALOGUE[locale] }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** French elides « de » before a vowel (« le verdict d’Ana »): the catalogue's `…Elides`. */
function elides(name: string): 'yes' | 'no' {
  return de(name).startsWith('d’') ? 'yes' : 'no';
}

function roleOf(t: Translate, value: unknown): string | null {
  return isRole(value) ? t(`labels.role.${value}`).toLowerCase() : null;
}

// ---- what changed ---------------------------------------------------------------------------

interface FieldSpec {
  key: string;
  /** The value as people read it; null to leave the field out. */
  format: (t: Translate, value: unknown) => string | null;
}

function plain(t: Translate, value: unknown): string | null {
  if (value === null) return t('audit.value.none');
  if (typeof value === 'string') return value.trim() === '' ? t('audit.value.empty') : value;
  if (typeof value === 'number') return String(value);
  return null;
}

const SENTENCE_COUNTS = ['changed', 'nearly', 'added', 'removed', 'same'] as const;

const FIELDS: FieldSpec[] = [
  { key: 'title', format: plain },
  { key: 'name', format: plain },
  { key: 'role', format: (t, v) => (typeof v === 'string' ? roleOf(t, v) : null) },
  { key: 'rating', format: (t, v) => (isRating(v) ? t(`labels.rating.${v}`) : null) },
  {
    key: 'status',
    format: (t, v) => (isVerdictStatus(v) ? t(`labels.verdictStatus.${v}`) : null),
  },
  { key: 'rationale', format: plain },
  {
    key: 'sources',
    format: (t, v) =>
      Array.isArray(v)
        ? v.length === 0
          ? t('audit.value.noneFeminine')
          : v.filter((s): s is string => typeof s === 'string').join(t('audit.value.listSeparator'))
        : null,
  },
  { key: 'note', format: (t, v) => (v === null ? t('audit.value.noneFeminine') : plain(t, v)) },
  { key: 'body', format: plain },
  { key: 'reason', format: plain },
  {
    key: 'assignee',
    format: (t, v) => (v === null ? t('audit.value.nobody') : text(sideOf(v)?.name)),
  },
  {
    key: 'language',
    format: (t, v) => (typeof v === 'string' ? t('audit.value.language', { language: v }) : null),
  },
  { key: 'units', format: plain },
  { key: 'sourceUrl', format: (t, v) => (v === null ? null : plain(t, v)) },
  { key: 'verdictsToRecheck', format: plain },
  {
    key: 'allowPartyAdjudication',
    format: (t, v) => (typeof v === 'boolean' ? t(v ? 'audit.value.yes' : 'audit.value.no') : null),
  },
  {
    key: 'publicationLanguage',
    format: (t, v) => (typeof v === 'string' ? t('audit.value.language', { language: v }) : null),
  },
  { key: 'publicName', format: plain },
  { key: 'publicUrl', format: plain },
  { key: 'logoUrl', format: plain },
  { key: 'claimSummary', format: (t, v) => (v === null ? null : plain(t, v)) },
  { key: 'claimant', format: (t, v) => (v === null ? null : plain(t, v)) },
  {
    key: 'nameReviewers',
    format: (t, v) => (typeof v === 'boolean' ? t(v ? 'audit.value.yes' : 'audit.value.no') : null),
  },
  {
    key: 'sentences',
    format: (t, v) => {
      const counts = sideOf(v);
      if (!counts) return null;
      const parts = SENTENCE_COUNTS.filter((kind) => typeof counts[kind] === 'number').map((kind) =>
        t('audit.value.sentences', { kind, count: counts[kind] as number }),
      );
      return parts.length > 0 ? parts.join(t('audit.value.listSeparator')) : null;
    },
  },
];

/** A version number is worth showing where it is the change itself: a revised text. */
const VERSIONED = new Set(['article.revise']);

function changesOf(t: Translate, action: string, before: Side, after: Side): AuditChange[] {
  const fields: FieldSpec[] = VERSIONED.has(action)
    ? [{ key: 'version', format: plain }, ...FIELDS]
    : FIELDS;
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const had = before !== null && field.key in before;
    const has = after !== null && field.key in after;
    if (!had && !has) continue;
    if (had && has && JSON.stringify(before[field.key]) === JSON.stringify(after[field.key])) {
      continue;
    }
    const was = had ? field.format(t, before[field.key]) : null;
    const is = has ? field.format(t, after[field.key]) : null;
    if (was === null && is === null) continue;
    changes.push({ label: t(`audit.field.${field.key}`), before: was, after: is });
  }
  return changes;
}

function hiddenNote(t: Translate, action: string, before: Side, after: Side): string | null {
  if (before?.redacted !== true && after?.redacted !== true) return null;
  const kind = action.split('.')[0];
  return t(
    `audit.hidden.${kind === 'verdict' || kind === 'comment' || kind === 'article' ? kind : 'other'}`,
  );
}

// ---- together -------------------------------------------------------------------------------

/** The values every event sentence may read (`{actor}`, `{place, select, …}`, …). */
function valuesOf(t: Translate, event: AuditEventInput, before: Side, after: Side) {
  const isOwn = event.actor !== null && event.subject?.id === event.actor.id;
  const articleTitle =
    text(event.article?.title) ??
    text(after?.title) ??
    (before?.redacted === true ? null : text(before?.title));
  const number = event.sentence?.number ?? null;
  const subject = event.subject?.name ?? t('audit.someMember');
  const assignee = sideOf(after?.assignee);
  const version = after?.version;
  return {
    actor: event.actor?.name ?? t('audit.deletedAccount'),
    own: isOwn ? 'yes' : 'no',
    subject,
    subjectElides: elides(subject),
    member: subject,
    memberElides: elides(subject),
    place: event.sentence ? (number !== null ? 'sentence' : 'removed') : 'article',
    number: number ?? 0,
    article: articleTitle ? 'titled' : 'deleted',
    title: articleTitle ?? '',
    version: typeof version === 'number' ? version : 'none',
    byParty: after?.byParty === true ? 'yes' : 'no',
    assignee: text(assignee?.name) ?? 'none',
    reply: typeof after?.parentId === 'string' ? 'yes' : 'no',
    name: text(after?.name) ?? 'none',
    role: roleOf(t, after?.role) ?? 'none',
  };
}

/**
 * The event as a sentence in `locale` (the catalogue's `audit.sentence.<action>`, one per
 * action FactDesk records: a test fails on an action without one), what it changed, and why
 * part of it is hidden.
 */
export function describeAuditEvent(
  event: AuditEventInput,
  locale: Locale = currentLocale(),
): AuditDescription {
  const t = translator(locale);
  const before = sideOf(event.before);
  const after = sideOf(event.after);
  const values = valuesOf(t, event, before, after);
  const sentence = isAuditAction(event.action)
    ? t(`audit.sentence.${event.action}`, values)
    : t('audit.unknownAction', { actor: values.actor, action: event.action });
  return {
    sentence: capitalize(sentence),
    changes: changesOf(t, event.action, before, after),
    hidden: hiddenNote(t, event.action, before, after),
  };
}
