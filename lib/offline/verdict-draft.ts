// What a person is writing in a verdict form, kept on the device as they type (localStorage:
// synchronous, so a reload or a crash a moment after a keystroke still finds it), until the
// server holds the same content. The decision of what to do with a kept draft when the form
// opens again is pure (tested in tests/unit/verdict-draft.test.ts); the storage is a thin adapter.
import type { Rating } from '@/lib/reports/verdict-scale';

export interface DraftSource {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  excerpt: string;
}

/** The claim's fields as the form holds them: text inputs, '' for none. */
export interface DraftClaim {
  summary: string;
  claimant: string;
  claimantKind: 'person' | 'organization';
  date: string;
  appearanceUrl: string;
}

export const BLANK_CLAIM: DraftClaim = Object.freeze({
  summary: '',
  claimant: '',
  claimantKind: 'person',
  date: '',
  appearanceUrl: '',
});

/** The claim as the API gives it (null for none) in the form's terms. */
export function claimDraftOf(claim: {
  summary: string | null;
  claimant: string | null;
  claimantKind: 'person' | 'organization';
  date: string | null;
  appearanceUrl: string | null;
}): DraftClaim {
  return {
    summary: claim.summary ?? '',
    claimant: claim.claimant ?? '',
    claimantKind: claim.claimantKind,
    date: claim.date ?? '',
    appearanceUrl: claim.appearanceUrl ?? '',
  };
}

/** The form's claim as the API takes it (blank → null). */
export function claimInputOf(claim: DraftClaim) {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    summary: orNull(claim.summary),
    claimant: orNull(claim.claimant),
    claimantKind: claim.claimantKind,
    date: orNull(claim.date),
    appearanceUrl: orNull(claim.appearanceUrl),
  };
}

function sameClaim(a: DraftClaim | undefined, b: DraftClaim | undefined): boolean {
  return (
    JSON.stringify(claimInputOf(a ?? BLANK_CLAIM)) ===
    JSON.stringify(claimInputOf(b ?? BLANK_CLAIM))
  );
}

export interface VerdictDraft {
  rating: Rating | null;
  rationale: string;
  sources: DraftSource[];
  /** Absent in drafts kept before the claim's fields existed: none typed. */
  claim?: DraftClaim;
  /** The version of my verdict the draft was written on (absent: no verdict of mine yet). */
  baseVersion: number | null;
  savedAt: number;
}

/** My verdict as the server last gave it, reduced to what the form edits. */
export interface ServerVerdict {
  rating: Rating;
  rationale: string;
  sources: DraftSource[];
  claim?: DraftClaim;
  version: number;
}

const blank = (s: DraftSource) =>
  !s.url.trim() && !s.title.trim() && !s.publisher.trim() && !s.publishedAt && !s.excerpt.trim();

function normalised(sources: DraftSource[]): DraftSource[] {
  return sources
    .filter((s) => !blank(s))
    .map((s) => ({
      url: s.url.trim(),
      title: s.title.trim(),
      publisher: s.publisher.trim(),
      publishedAt: s.publishedAt,
      excerpt: s.excerpt.trim(),
    }));
}

type Content = Pick<VerdictDraft, 'rating' | 'rationale' | 'sources' | 'claim'>;

/**
 * Same rating, rationale, sources and claim (ignoring surrounding blanks and empty source rows;
 * no claim is a blank claim).
 */
export function sameContent(a: Content, b: Content): boolean {
  return (
    a.rating === b.rating &&
    a.rationale.trim() === b.rationale.trim() &&
    JSON.stringify(normalised(a.sources)) === JSON.stringify(normalised(b.sources)) &&
    sameClaim(a.claim, b.claim)
  );
}

/** A draft with nothing in it is not worth keeping. */
export function isEmptyDraft(draft: Content) {
  return (
    draft.rating === null &&
    !draft.rationale.trim() &&
    normalised(draft.sources).length === 0 &&
    sameClaim(draft.claim, BLANK_CLAIM)
  );
}

/**
 * What to do with the draft kept on this device when the form opens on `mine`:
 *  - `discard`: the server already has this content (or the draft is empty);
 *  - `restore`: reopen the form with the draft, as unsaved changes on top of `mine`;
 *  - `conflict`: restore it, but my verdict changed since the draft was begun (another tab,
 *    another device, an editor): show both versions to choose from.
 */
export function restoreDecision(
  draft: VerdictDraft | null,
  mine: ServerVerdict | null,
): 'none' | 'discard' | 'restore' | 'conflict' {
  if (!draft) return 'none';
  if (isEmptyDraft(draft) && !mine) return 'discard';
  if (mine && sameContent(draft, mine)) return 'discard';
  if (mine && draft.baseVersion !== mine.version) return 'conflict';
  if (!mine && draft.baseVersion !== null) return 'conflict'; // my verdict was deleted meanwhile
  return 'restore';
}

// One key per (user, sentence, tab): two tabs on one verdict keep two drafts (their conflict
// is settled through the server), and a save in one tab never clears what another holds. The
// tab's id lives in sessionStorage, which a reload keeps; a new tab finds the most recent draft
// another tab (closed, or crashed) left behind.
const PREFIX = 'factdesk:verdict-draft';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const stem = (userId: string, sentenceId: string) => `${PREFIX}:${userId}:${sentenceId}:`;

function tabId(): string {
  const key = 'factdesk:tab-id';
  let id = window.sessionStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    window.sessionStorage.setItem(key, id);
  }
  return id;
}

function isDraft(value: unknown): value is VerdictDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.rationale === 'string' &&
    Array.isArray(v.sources) &&
    'rating' in v &&
    typeof v.savedAt === 'number'
  );
}

function parse(raw: string | null): VerdictDraft | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

/** This tab's draft, else the latest one another tab left for this sentence (then adopted). */
export function readDraft(userId: string, sentenceId: string): VerdictDraft | null {
  try {
    const storage = window.localStorage;
    const own = stem(userId, sentenceId) + tabId();
    const mine = parse(storage.getItem(own));
    if (mine) return mine;
    let latest: { key: string; draft: VerdictDraft } | null = null;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(stem(userId, sentenceId))) continue;
      const draft = parse(storage.getItem(key));
      if (!draft || Date.now() - draft.savedAt > MAX_AGE_MS) continue;
      if (!latest || draft.savedAt > latest.draft.savedAt) latest = { key, draft };
    }
    if (!latest) return null;
    storage.setItem(own, JSON.stringify(latest.draft));
    return latest.draft;
  } catch {
    return null; // storage disabled
  }
}

export function writeDraft(userId: string, sentenceId: string, draft: VerdictDraft): boolean {
  try {
    window.localStorage.setItem(stem(userId, sentenceId) + tabId(), JSON.stringify(draft));
    return true;
  } catch {
    return false; // private mode or full storage: the server autosave still runs
  }
}

/**
 * The server has what this tab wrote: its draft goes, and so do other tabs' drafts that hold
 * exactly that content (left behind by a tab that was closed before its save came back).
 */
export function clearDraft(userId: string, sentenceId: string): void {
  try {
    const storage = window.localStorage;
    const own = stem(userId, sentenceId) + tabId();
    const cleared = parse(storage.getItem(own));
    storage.removeItem(own);
    if (!cleared) return;
    for (let i = storage.length - 1; i >= 0; i--) {
      const key = storage.key(i);
      if (!key?.startsWith(stem(userId, sentenceId))) continue;
      const other = parse(storage.getItem(key));
      if (other && sameContent(other, cleared)) storage.removeItem(key);
    }
  } catch {
    /* nothing kept */
  }
}
