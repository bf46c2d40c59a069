// The reports' words: the catalogue's `reports` namespace (lib/i18n/messages/<language>/
// reports.json), one translator per report language. Pure, and without next-intl's React side
// (use-intl's core): the writers also run under the react-server condition and in workers.
import { createTranslator } from 'use-intl/core';
import enReports from '@/lib/i18n/messages/en/reports.json';
import frReports from '@/lib/i18n/messages/fr/reports.json';
import type { ReportLanguage } from './verdict-scale';

/** A message of the `reports` namespace (`html.kicker`), its values already formatted text. */
export type ReportTranslate = (key: string, values?: Record<string, string>) => string;

const CATALOGUE: Record<ReportLanguage, typeof frReports> = { fr: frReports, en: enReports };

export function reportTranslator(language: ReportLanguage): ReportTranslate {
  const translate = createTranslator({ locale: language, messages: CATALOGUE[language] });
  return (key, values) => (translate as unknown as ReportTranslate)(key, values);
}

/** ICU's `select` on a count already formatted elsewhere: one or other. */
export function oneOrOther(one: boolean): string {
  return one ? 'one' : 'other';
}

/** The values of the agreement sentence (`html.agreement`, `markdown.agreement`). */
export function agreementValues(
  alpha: string | null,
  raw: string | null,
  rated: string,
  ratedOne: boolean,
): Record<string, string> {
  return {
    alphaKnown: alpha === null ? 'no' : 'yes',
    alpha: alpha ?? '',
    rawKnown: raw === null ? 'no' : 'yes',
    raw: raw ?? '',
    rated,
    ratedOne: oneOrOther(ratedOne),
  };
}
