// Deterministic random letters (a linear congruential generator): quotes no article contains,
// the same on every run.
export function randomLetters(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(97 + (state % 26));
  }
  return out;
}
