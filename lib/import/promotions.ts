// Promotional blocks inside an article — « Sponsorisé », "Sponsored: … Click here!", a
// newsletter box « Inscrivez-vous à notre newsletter » — are page furniture, not text to check:
// they are dropped on import, pasted or fetched alike. Like the paywall notices
// (lib/text/segment.ts), the markers are anchored at the start of a paragraph, so an article
// that merely mentions « la publicité » or quotes « cliquez ici » keeps every sentence; only
// short paragraphs that are, or open with, such a marker go. Pure.
import { PAYWALL_CONTINUATION_PATTERNS, PAYWALL_PATTERNS } from '@/lib/text';

/** A promotional paragraph is short: anything longer is kept, whatever it starts with. */
export const PROMOTION_MAX_LENGTH = 300;
/** The text of a box under its label (« Newsletter », then one line, then « S’inscrire »). */
const BOX_BODY_MAX_LENGTH = 200;

/** Labels that only ever mark a paid or promotional insert. */
const SPONSOR_LABELS = [
  'sponsorisé',
  'sponsorisée',
  'sponsorise',
  'contenu sponsorisé',
  'contenu partenaire',
  'contenu de marque',
  'contenu promotionnel',
  'offre partenaire',
  'annonce sponsorisée',
  'publireportage',
  'publi-reportage',
  'publirédactionnel',
  'publi-rédactionnel',
  'sponsored',
  'sponsored content',
  'sponsored post',
  'sponsored story',
  'advertisement',
  'advertorial',
  'paid content',
  'paid post',
  'paid partnership',
  'partner content',
  'promoted',
  'promoted content',
  'brand content',
];

/**
 * Labels that are also ordinary words (« Publicité : le Parlement encadre… » is news): a
 * promotion when alone on their line, or before a call to action.
 */
const AMBIGUOUS_LABELS = [
  'publicité',
  'publicite',
  'pub',
  'annonce',
  'annonces',
  'promo',
  'ad',
  'ads',
  'advert',
  'newsletter',
  'newsletters',
  'la newsletter',
  'notre newsletter',
  'lettre d’information',
  "lettre d'information",
];

/** Calls to action that open a promotional paragraph. */
export const PROMOTION_PATTERNS: readonly RegExp[] = [
  /^(?:cliquez|appuyez|touchez) ici\b/iu,
  /^(?:click|tap) here\b/iu,
  /^(?:cliquez|click) (?:sur|on) (?:ce|le|this|the) (?:lien|link|bouton|button)\b/iu,
  // Newsletter boxes.
  /^(?:inscrivez-vous|abonnez-vous)(?: gratuitement| dès maintenant)? (?:à|a) (?:notre|nos|la|les) (?:[\p{L}’'-]+ ){0,3}(?:newsletters?|lettres? d['’]information)\b/iu,
  /^(?:recevez|découvrez) (?:notre|nos|la|les) (?:[\p{L}’'-]+ ){0,3}newsletters?\b/iu,
  /^(?:sign up|subscribe|register)(?: now| today| for free)? (?:for|to) (?:our|the|my) (?:[\p{L}’'-]+ ){0,3}newsletters?\b/iu,
  /^(?:get|receive|join) (?:our|the) (?:[\p{L}’'-]+ ){0,3}newsletters?\b/iu,
  /^abonnez-vous (?:à|a) (?:notre|nos) (?:chaîne|compte|page|podcast)s?\b/iu,
  // A button's label alone on its line.
  /^(?:abonnez-vous|inscrivez-vous|s['’]inscrire|s['’]abonner|je m['’]inscris|je m['’]abonne|subscribe|sign up|subscribe now|sign up now)\s*!?$/iu,
  /^(?:suivez-nous|follow us) (?:sur|on)\b/iu,
  /^(?:shop|buy|order) now\b/iu,
  /^(?:en savoir plus|learn more|find out more)\s*(?:[:!→>]|$)/iu,
  /^(?:code promo|promo code|offre spéciale|special offer|offre exclusive|exclusive offer)\b/iu,
];

/** A call to action anywhere in a line (outside quotations). */
const CALL_TO_ACTION =
  /(?<![\p{L}\d])(?:cliquez ici|appuyez ici|click here|tap here|shop now|buy now|achetez maintenant|commandez maintenant|learn more|en savoir plus|code promo|promo code|essai gratuit|free trial|offre spéciale|special offer|inscrivez-vous|abonnez-vous|subscribe now|sign up)(?![\p{L}\d])/iu;
/**
 * A paragraph whose last sentence tells the reader to click: « Découvrez l’offre. Cliquez ici ! »
 * (capitalised: « le courriel disait : cliquez ici » is reported speech).
 */
const ENDS_WITH_CALL_TO_ACTION =
  /(?:^|[.!?…]\s+|[—–]\s*)(?:Cliquez ici|Appuyez ici|Click here|Tap here)\s*[!.…]*$/u;

/** Emoji, arrows, bullets and brackets that decorate a label: « 📢 », « ► », « [ ». */
const DECORATION = /^[\s\p{Extended_Pictographic}\uFE0F►▶▸→➜➤👉*•·#[(]+/u;
/** What may follow a label: a colon, a dash, a bracket, « par », "by". */
const AFTER_LABEL = /^\s*(?:[:|–—\-\])]+|\s(?:par|by|avec|with)\s)\s*/iu;
/** Quotations, left out when looking for calls to action: « “Cliquez ici”, disait le courriel ». */
const QUOTED = /«[^»]*»|“[^”]*”|"[^"]*"/gu;

type Verdict = 'label' | 'promotion' | null;

function withoutDecoration(line: string): string {
  return line.replace(DECORATION, '').trim();
}

/** Every label, longest first (« contenu sponsorisé » before « sponsorisé »). */
const LABELS = [
  ...SPONSOR_LABELS.map((label) => ({ label, sponsor: true })),
  ...AMBIGUOUS_LABELS.map((label) => ({ label, sponsor: false })),
].sort((a, b) => b.label.length - a.label.length);

/** The label the line opens with and what follows it, if any. */
function openingLabel(text: string): { label: string; sponsor: boolean; rest: string } | null {
  // Labels are lowercase; case does not matter (« PUBLICITÉ »), accents do.
  const opening = text.slice(0, LABELS[0]!.label.length).toLowerCase();
  for (const { label, sponsor } of LABELS) {
    if (!opening.startsWith(label)) continue;
    const rest = text.slice(label.length);
    if (/^[\p{L}\d]/u.test(rest)) continue; // « Publicitaire », "Advertisements" are other words
    return { label, sponsor, rest };
  }
  return null;
}

function callsToAction(text: string): boolean {
  return CALL_TO_ACTION.test(text.replace(QUOTED, ' '));
}

/**
 * Whether one paragraph is promotional: 'label' for a box's label alone on its line
 * (« Publicité », "Sponsored", « Newsletter »), 'promotion' for the other promotional lines.
 */
function classify(line: string): Verdict {
  if (line.length > PROMOTION_MAX_LENGTH) return null;
  const text = withoutDecoration(line);
  if (!text) return null;
  const opening = openingLabel(text);
  if (opening) {
    const rest = opening.rest.replace(/^[\s:.!|–—\-\])]+$/u, '');
    if (rest === '') return 'label';
    const after = AFTER_LABEL.exec(rest);
    if (after) {
      const content = rest.slice(after[0].length);
      if (opening.sponsor || callsToAction(content)) return 'promotion';
    }
  }
  if (PROMOTION_PATTERNS.some((pattern) => pattern.test(text))) return 'promotion';
  if (ENDS_WITH_CALL_TO_ACTION.test(text.replace(QUOTED, ' ').trim())) return 'promotion';
  return null;
}

/** True for a promotional paragraph on its own (see dropPromotions for boxes). */
export function isPromotional(line: string): boolean {
  return classify(line) !== null;
}

function isPaywall(line: string): boolean {
  return PAYWALL_PATTERNS.some((pattern) => pattern.test(line));
}

/**
 * The lines without promotional paragraphs. The short text of a box under its label goes with
 * it when it calls to action or when another promotional line closes the box (« Newsletter » /
 * « Recevez l’essentiel chaque matin. » / « S’inscrire »). Subscription notices are never
 * dropped (they mark the article partial), nor the lines that continue one (« Déjà abonné ?
 * Connectez-vous. »). When every line would go, nothing is: a text is never emptied by this.
 */
export function dropPromotions(lines: readonly string[]): string[] {
  // Paywall checks only where a line looks promotional: most lines of a long article do not.
  // A line is a notice when it is one, or continues one (« Déjà abonné ? ») right after it.
  const notice = new Map<number, boolean>();
  const continues = (line: string) =>
    PAYWALL_CONTINUATION_PATTERNS.some((pattern) => pattern.test(line));
  const isNotice = (i: number): boolean => {
    let start = i;
    while (start > 0 && !notice.has(start) && continues(lines[start]!)) start--;
    for (let j = start; j <= i; j++) {
      if (notice.has(j)) continue;
      const line = lines[j]!;
      notice.set(j, isPaywall(line) || (j > 0 && continues(line) && notice.get(j - 1) === true));
    }
    return notice.get(i)!;
  };
  const verdicts = lines.map((line, i) => {
    const verdict = classify(line);
    return verdict !== null && isNotice(i) ? null : verdict;
  });
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (verdicts[i] !== null || verdicts[i - 1] !== 'label') continue;
    if (line.length > BOX_BODY_MAX_LENGTH || isNotice(i)) continue;
    const closed = i + 1 < lines.length && verdicts[i + 1] !== null;
    if (closed || callsToAction(line)) verdicts[i] = 'promotion';
  }
  const kept = lines.filter((_, i) => verdicts[i] === null);
  return kept.length === 0 ? [...lines] : kept;
}
