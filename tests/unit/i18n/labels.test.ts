// Every value of the shared enums has its name in every language, and the French names are the
// ones the app has always shown (the lib tables the reports and the journal still read).
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { ROLE_LABELS, ROLES } from '@/lib/permissions';
import { RATING_LABELS, RATINGS } from '@/lib/reports/verdict-scale';
import { TRIAGE_REASONS } from '@/lib/text/triage-reasons';
import { TRIAGE_REASON_LABELS } from '@/lib/text/triage';
import { SENTENCE_LOOK_LABELS, SENTENCE_LOOKS } from '@/lib/workflow/sentence-look';
import {
  SENTENCE_STATE_LABELS,
  SENTENCE_STATES,
  VERDICT_STATUS_LABELS,
  VERDICT_STATUSES,
} from '@/lib/workflow/sentence-state';

const ENUMS = [
  ['rating', RATINGS, RATING_LABELS.fr],
  ['verdictStatus', VERDICT_STATUSES, VERDICT_STATUS_LABELS],
  ['sentenceState', SENTENCE_STATES, SENTENCE_STATE_LABELS],
  ['role', ROLES, ROLE_LABELS],
  ['triageReason', TRIAGE_REASONS, TRIAGE_REASON_LABELS],
  ['look', SENTENCE_LOOKS, SENTENCE_LOOK_LABELS],
] as const;

describe.each(LOCALES)('labels in %s', (locale) => {
  const t = translatorFor(locale);
  it.each(ENUMS)('every %s has a name', (group, values) => {
    for (const value of values) {
      const key = `labels.${group}.${value}` as Parameters<typeof t>[0];
      const name = t(key);
      expect(name, key).not.toBe(key);
      expect(name.trim().length, key).toBeGreaterThan(0);
    }
  });
});

describe('French labels', () => {
  const t = translatorFor('fr');
  it.each(ENUMS)('%s names are unchanged', (group, values, french) => {
    for (const value of values) {
      expect(t(`labels.${group}.${value}` as Parameters<typeof t>[0])).toBe(
        (french as Record<string, string>)[value],
      );
    }
  });
  it('English names differ from the French ones', () => {
    const en = translatorFor('en');
    expect(en('labels.sentenceState.unchecked')).toBe('To check');
    expect(en('labels.rating.not_a_claim')).toBe('Not a checkable claim');
  });
});
