// IANA time-zone names as people and browsers send them: one rule for the account settings and
// the zone the sign-up form detects. Its own module so lib/validations/auth.ts and account.ts
// can both use it without importing each other.

/** Longest IANA zone name accepted (the longest today, America/Argentina/ComodRivadavia, is 32). */
export const TIME_ZONE_MAX_LENGTH = 64;

/**
 * The zone with its case corrected (`europe/paris` → `Europe/Paris`), or null when Intl does
 * not know it. A link keeps the name given (`America/Montreal`, which Intl may resolve to
 * `America/Toronto`): the same clock, in the person's words. Intl.DateTimeFormat rather than
 * Intl.supportedValuesOf('timeZone'), which lists canonical zones only (no `UTC`, no links).
 */
export function normaliseTimeZone(zone: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}
