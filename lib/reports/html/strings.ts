// The HTML report's labels, in each language that has them (lib/reports/verdict-scale.ts picks
// the language), from the catalogue's `reports.html` namespace. Plain text: the components
// render it, and React escapes it.
import { isArchiveReason } from '../archive-reasons';
import { agreementValues, oneOrOther, reportTranslator, type ReportTranslate } from '../catalogue';
import { RATINGS, type Rating, type ReportLanguage } from '../verdict-scale';

export interface Strings {
  documentTitle: (title: string) => string;
  kicker: string;
  untitled: string;
  metadata: string;
  publisher: string;
  author: string;
  publishedAt: string;
  original: string;
  version: string;
  team: string;
  generated: string;
  partial: string;
  methodology: string;
  methodologyIntro: string[];
  scaleIntro: string;
  scale: Record<Rating, string>;
  partialMeaning: string;
  summary: string;
  counts: (verified: string, verifiedOne: boolean, total: string, totalOne: boolean) => string;
  chartTitle: (parts: string[]) => string;
  noClaims: string;
  agreementTitle: string;
  agreement: (alpha: string | null, raw: string | null, rated: string, ratedOne: boolean) => string;
  agreementHelp: string;
  disputed: (count: string) => string;
  claims: string;
  sentence: (n: number) => string;
  verdict: string;
  rationale: string;
  sources: string;
  noSources: string;
  archive: string;
  recheck: string;
  approvedBy: (author: string, approver: string, date: string) => string;
  approved: (author: string, date: string) => string;
  settledBy: (author: string, date: string) => string;
  /** Added to the signature when a party to the dispute settled it (the team allowed it). */
  byParty: string;
  corrections: string;
  correctionsIntro: string;
  revisionVersion: string;
  revisionDate: string;
  revisionBy: string;
  revisionNote: string;
  unknown: string;
  online: string;
  footer: string;
  quote: (text: string) => string;
  /** The label separator: French puts a no-break space before the colon. */
  colon: string;
  // The published page (app/p/**) and the team's public index.
  pageKicker: string;
  firstPublished: string;
  updated: string;
  publishedByTeam: (team: string, date: string) => string;
  publicCorrectionsIntro: string;
  correctionAdded: (n: number, rating: string) => string;
  correctionChanged: (n: number, previous: string, rating: string) => string;
  pageFooter: (team: string) => string;
  allFactChecks: string;
  pageDescription: (count: string, one: boolean, team: string, title: string) => string;
  indexTitle: (team: string) => string;
  indexEmpty: string;
  indexClaims: (count: string, one: boolean) => string;
  feeds: string;
  claimReviewFeed: string;
  atomFeed: string;
  claimBy: (claimant: string, date: string | null) => string;
  claimDated: (date: string) => string;
  claimSummary: string;
  claimAppearance: string;
  correctionRevised: (n: number, rating: string) => string;
  archivedOn: (date: string) => string;
  archivePending: string;
  notArchived: (reason: string) => string;
  sourceDead: string;
  sourceChanged: string;
}

function stringsOf(t: ReportTranslate): Strings {
  return {
    documentTitle: (title) => t('html.documentTitle', { title }),
    kicker: t('html.kicker'),
    untitled: t('html.untitled'),
    metadata: t('html.metadata'),
    publisher: t('html.publisher'),
    author: t('html.author'),
    publishedAt: t('html.publishedAt'),
    original: t('html.original'),
    version: t('html.version'),
    team: t('html.team'),
    generated: t('html.generated'),
    partial: t('html.partial'),
    methodology: t('html.methodology'),
    methodologyIntro: [t('html.methodologyIntro1'), t('html.methodologyIntro2')],
    scaleIntro: t('html.scaleIntro'),
    scale: Object.fromEntries(
      RATINGS.map((rating) => [rating, t(`html.scale.${rating}`)]),
    ) as Record<Rating, string>,
    partialMeaning: t('html.partialMeaning'),
    summary: t('html.summary'),
    counts: (verified, verifiedOne, total, totalOne) =>
      t('html.counts', {
        verified,
        verifiedOne: oneOrOther(verifiedOne),
        total,
        totalOne: oneOrOther(totalOne),
      }),
    chartTitle: (parts) => t('html.chartTitle', { parts: parts.join(t('html.listSeparator')) }),
    noClaims: t('html.noClaims'),
    agreementTitle: t('html.agreementTitle'),
    agreement: (alpha, raw, rated, ratedOne) =>
      t('html.agreement', agreementValues(alpha, raw, rated, ratedOne)),
    agreementHelp: t('html.agreementHelp'),
    disputed: (count) => t('html.disputed', { count }),
    claims: t('html.claims'),
    sentence: (n) => t('html.sentence', { n: String(n) }),
    verdict: t('html.verdict'),
    rationale: t('html.rationale'),
    sources: t('html.sources'),
    noSources: t('html.noSources'),
    archive: t('html.archive'),
    recheck: t('html.recheck'),
    approvedBy: (author, approver, date) => t('html.approvedBy', { author, approver, date }),
    approved: (author, date) => t('html.approved', { author, date }),
    settledBy: (author, date) => t('html.settledBy', { author, date }),
    byParty: t('html.byParty'),
    corrections: t('html.corrections'),
    correctionsIntro: t('html.correctionsIntro'),
    revisionVersion: t('html.revisionVersion'),
    revisionDate: t('html.revisionDate'),
    revisionBy: t('html.revisionBy'),
    revisionNote: t('html.revisionNote'),
    unknown: t('html.unknown'),
    online: t('html.online'),
    footer: t('html.footer'),
    quote: (text) => t('html.quote', { text }),
    colon: t('html.colon'),
    pageKicker: t('html.pageKicker'),
    firstPublished: t('html.firstPublished'),
    updated: t('html.updated'),
    publishedByTeam: (team, date) => t('html.publishedByTeam', { team, date }),
    publicCorrectionsIntro: t('html.publicCorrectionsIntro'),
    correctionAdded: (n, rating) => t('html.correctionAdded', { n: String(n), rating }),
    correctionChanged: (n, previous, rating) =>
      t('html.correctionChanged', { n: String(n), previous, rating }),
    pageFooter: (team) => t('html.pageFooter', { team }),
    allFactChecks: t('html.allFactChecks'),
    pageDescription: (count, one, team, title) =>
      t('html.pageDescription', { count, one: oneOrOther(one), team, title }),
    indexTitle: (team) => t('html.indexTitle', { team }),
    indexEmpty: t('html.indexEmpty'),
    indexClaims: (count, one) => t('html.indexClaims', { count, one: oneOrOther(one) }),
    feeds: t('html.feeds'),
    claimReviewFeed: t('html.claimReviewFeed'),
    atomFeed: t('html.atomFeed'),
    claimBy: (claimant, date) =>
      t('html.claimBy', { claimant, dated: date ? 'yes' : 'no', date: date ?? '' }),
    claimDated: (date) => t('html.claimDated', { date }),
    claimSummary: t('html.claimSummary'),
    claimAppearance: t('html.claimAppearance'),
    correctionRevised: (n, rating) => t('html.correctionRevised', { n: String(n), rating }),
    archivedOn: (date) => t('html.archivedOn', { date }),
    archivePending: t('html.archivePending'),
    notArchived: (reason) =>
      t('html.notArchived', {
        reason: isArchiveReason(reason)
          ? t(`html.archiveReason.${reason}`)
          : t('html.archiveReason.other'),
      }),
    sourceDead: t('html.sourceDead'),
    sourceChanged: t('html.sourceChanged'),
  };
}

export const STRINGS: Record<ReportLanguage, Strings> = {
  fr: stringsOf(reportTranslator('fr')),
  en: stringsOf(reportTranslator('en')),
};
