// Small French grammar the interface needs when it builds a sentence around a name: pure.

/** A vowel (accents ignored) or a ligature starting a word: « de » elides before it. */
function startsWithVowel(phrase: string): boolean {
  const first = phrase.normalize('NFD').charAt(0);
  return /[aeiouyæœ]/i.test(first);
}

/** « de Ben », « d’Ana », « d’Élie Éditeur », « d’une phrase », « de la phrase 4 ». */
export function de(phrase: string): string {
  return startsWithVowel(phrase) ? `d’${phrase}` : `de ${phrase}`;
}

/** The phrase with its first letter capitalised (a sentence that starts with it). */
export function capitalize(phrase: string): string {
  return phrase.charAt(0).toLocaleUpperCase('fr-FR') + phrase.slice(1);
}
