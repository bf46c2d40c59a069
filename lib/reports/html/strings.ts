// The HTML report's labels, in each language that has them (lib/reports/verdict-scale.ts picks
// the language). Plain text: the components render it, and React escapes it.
import type { Rating, ReportLanguage } from '../verdict-scale';

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
}

export const STRINGS: Record<ReportLanguage, Strings> = {
  fr: {
    documentTitle: (title) => `Rapport de vérification : ${title}`,
    kicker: 'Rapport de vérification',
    untitled: 'Article sans titre',
    metadata: 'Informations sur l’article',
    publisher: 'Éditeur',
    author: 'Auteur',
    publishedAt: 'Date de publication',
    original: 'Article original',
    version: 'Version',
    team: 'Équipe',
    generated: 'Rapport généré le',
    partial: 'Article partiel (paywall) : seule la partie accessible du texte a été analysée.',
    methodology: 'Méthodologie',
    methodologyIntro: [
      'Chaque phrase de l’article est examinée séparément. Un vérificateur ou une vérificatrice rédige le verdict, avec sa justification et ses sources ; un second membre de l’équipe le relit et l’approuve avant publication. Seuls les verdicts approuvés figurent dans ce rapport.',
      'Lorsque les vérificateurs ne sont pas d’accord, un ou une responsable d’édition tranche et rédige le verdict final ; sauf mention contraire sous le verdict, cette personne n’avait pas noté la phrase.',
    ],
    scaleIntro: 'Les verdicts suivent une échelle en six points :',
    scale: {
      true: 'l’affirmation est exacte et étayée par les sources.',
      mostly_true: 'l’affirmation est globalement exacte mais imprécise ou incomplète.',
      misleading:
        'l’affirmation contient des éléments exacts mais induit en erreur (contexte manquant, chiffres détournés).',
      false: 'l’affirmation est contredite par les sources.',
      unverifiable: 'les sources disponibles ne permettent ni de la confirmer ni de l’infirmer.',
      not_a_claim: 'la phrase n’est pas une affirmation factuelle (opinion, question, formule).',
    },
    partialMeaning:
      'Un article est dit « partiel » lorsque seule une partie de son texte a pu être importée (paywall, par exemple) : les passages inaccessibles n’ont pas été vérifiés.',
    summary: 'Synthèse',
    counts: (verified, verifiedOne, total, totalOne) =>
      `${verified} ${verifiedOne ? 'affirmation vérifiée' : 'affirmations vérifiées'} sur ` +
      `${total} ${totalOne ? 'phrase' : 'phrases'}.`,
    chartTitle: (parts) => `Répartition des verdicts : ${parts.join(', ')}`,
    noClaims: 'Aucune affirmation vérifiée pour l’instant.',
    agreementTitle: 'Accord entre vérificateurs',
    agreement: (alpha, raw, rated, ratedOne) =>
      `${alpha === null ? 'α non calculable' : `α = ${alpha}`}` +
      `${raw === null ? '' : ` (accord brut ${raw})`} sur ${rated} ${ratedOne ? 'phrase' : 'phrases'}.`,
    agreementHelp:
      'α de Krippendorff : 1 signifie un accord parfait entre vérificateurs, 0 un accord qui ne dépasse pas le hasard.',
    disputed: (count) => `Phrases en litige : ${count}.`,
    claims: 'Affirmations vérifiées',
    sentence: (n) => `Phrase ${n}`,
    verdict: 'Verdict',
    rationale: 'Justification',
    sources: 'Sources',
    noSources: 'Aucune source.',
    archive: 'archive',
    recheck: 'À revérifier : le texte a changé',
    approvedBy: (author, approver, date) =>
      `Vérifié par ${author}, approuvé par ${approver} le ${date}`,
    approved: (author, date) => `Vérifié par ${author}, approuvé le ${date}`,
    settledBy: (author, date) => `Tranché par ${author} le ${date}`,
    byParty: 'tranché par une partie au désaccord',
    corrections: 'Corrections',
    correctionsIntro:
      'Historique des versions de cette vérification, de la plus ancienne à la plus récente.',
    revisionVersion: 'Version',
    revisionDate: 'Date',
    revisionBy: 'Par',
    revisionNote: 'Note',
    unknown: '—',
    online: 'Version en ligne',
    footer: 'Rapport produit avec FactDesk.',
    quote: (text) => `« ${text} »`,
    colon: '\u00a0: ',
  },
  en: {
    documentTitle: (title) => `Fact-check report: ${title}`,
    kicker: 'Fact-check report',
    untitled: 'Untitled article',
    metadata: 'About the article',
    publisher: 'Publisher',
    author: 'Author',
    publishedAt: 'Publication date',
    original: 'Original article',
    version: 'Version',
    team: 'Team',
    generated: 'Report generated on',
    partial: 'Partial article (paywall): only the accessible part of the text was analysed.',
    methodology: 'Methodology',
    methodologyIntro: [
      'Each sentence of the article is examined on its own. A fact-checker writes the verdict, with a rationale and sources; a second team member reviews and approves it before it is published. Only approved verdicts appear in this report.',
      'When fact-checkers disagree, an editor settles the matter and writes the final verdict; unless noted under the verdict, that editor had not rated the sentence.',
    ],
    scaleIntro: 'Verdicts use a six-point scale:',
    scale: {
      true: 'the claim is accurate and supported by the sources.',
      mostly_true: 'the claim is broadly accurate but imprecise or incomplete.',
      misleading:
        'the claim contains accurate elements but gives a false impression (missing context, distorted figures).',
      false: 'the claim is contradicted by the sources.',
      unverifiable: 'the available sources can neither confirm nor refute it.',
      not_a_claim: 'the sentence is not a factual claim (opinion, question, formula).',
    },
    partialMeaning:
      'An article is “partial” when only part of its text could be imported (a paywall, for instance): the inaccessible passages were not checked.',
    summary: 'Summary',
    counts: (verified, verifiedOne, total, totalOne) =>
      `${verified} ${verifiedOne ? 'verified claim' : 'verified claims'} out of ` +
      `${total} ${totalOne ? 'sentence' : 'sentences'}.`,
    chartTitle: (parts) => `Verdict distribution: ${parts.join(', ')}`,
    noClaims: 'No verified claim yet.',
    agreementTitle: 'Inter-rater agreement',
    agreement: (alpha, raw, rated, ratedOne) =>
      `${alpha === null ? 'α not computable' : `α = ${alpha}`}` +
      `${raw === null ? '' : ` (raw agreement ${raw})`} over ${rated} ` +
      `${ratedOne ? 'sentence' : 'sentences'}.`,
    agreementHelp:
      'Krippendorff’s α: 1 means perfect agreement between fact-checkers, 0 agreement no better than chance.',
    disputed: (count) => `Disputed sentences: ${count}.`,
    claims: 'Verified claims',
    sentence: (n) => `Sentence ${n}`,
    verdict: 'Verdict',
    rationale: 'Rationale',
    sources: 'Sources',
    noSources: 'No source.',
    archive: 'archive',
    recheck: 'To re-check: the text has changed',
    approvedBy: (author, approver, date) =>
      `Checked by ${author}, approved by ${approver} on ${date}`,
    approved: (author, date) => `Checked by ${author}, approved on ${date}`,
    settledBy: (author, date) => `Settled by ${author} on ${date}`,
    byParty: 'settled by a party to the dispute',
    corrections: 'Corrections',
    correctionsIntro: 'Version history of this fact-check, oldest first.',
    revisionVersion: 'Version',
    revisionDate: 'Date',
    revisionBy: 'By',
    revisionNote: 'Note',
    unknown: '—',
    online: 'Online version',
    footer: 'Report produced with FactDesk.',
    quote: (text) => `“${text}”`,
    colon: ': ',
  },
};
