// A verdict's claim fields as stored (verdicts.claim, published_verdicts.claim: JSON written
// through claimSchema) read back into their one shape, whatever the row holds: an empty object
// (verdicts written before the fields existed), a missing key, a wrong type. Pure.
import type { ClaimFields } from './types';

export const NO_CLAIM_FIELDS: ClaimFields = Object.freeze({
  summary: null,
  claimant: null,
  claimantKind: 'person',
  date: null,
  appearanceUrl: null,
});

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export function claimFields(stored: unknown): ClaimFields {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { ...NO_CLAIM_FIELDS };
  }
  const row = stored as Record<string, unknown>;
  return {
    summary: text(row.summary),
    claimant: text(row.claimant),
    claimantKind: row.claimantKind === 'organization' ? 'organization' : 'person',
    date: text(row.date),
    appearanceUrl: text(row.appearanceUrl),
  };
}
