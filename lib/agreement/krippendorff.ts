// Inter-coder agreement on nominal labels: Krippendorff's alpha and pooled percent agreement.
// Hand-written because no maintained npm package covers it and the formula is ~30 lines.
// Pure: no React, Next, Prisma or node imports.
//
// Coincidence-matrix formulation (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
//   o_ck = Σ_u (number of c-k pairs in u) / (m_u − 1),  n_c = Σ_k o_ck,  n = Σ_c n_c
//   alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k   (= 1 − Do/De)
// For nominal data only the diagonal matters: Σ_{c≠k} o_ck = n − Σ_c o_cc and
// Σ_{c≠k} n_c n_k = n² − Σ_c n_c², and each pairable unit adds its rating counts to n_c.

export interface AgreementResult {
  /**
   * Krippendorff's alpha for nominal data. null when undefined: no pairable values, or expected
   * disagreement De is 0 (every pairable value is the same category) — even though observed
   * disagreement is then 0 too, we return null rather than the conventional 1.
   */
  alpha: number | null;
  /**
   * Share of agreeing pairs among all pairs of ratings within the same unit (pooled over units),
   * 0..1; null when there are no pairs.
   */
  percentAgreement: number | null;
  /** Number of units with at least two ratings (the pairable units). */
  ratedUnits: number;
}

/**
 * Agreement over `units`, each holding the nominal ratings different coders gave one unit.
 * Units with fewer than two ratings are not pairable and are ignored.
 */
export function nominalAgreement(units: ReadonlyArray<ReadonlyArray<string>>): AgreementResult {
  const totals = new Map<string, number>(); // n_c
  let n = 0;
  let diagonal = 0; // Σ_c o_cc
  let pairs = 0;
  let agreeingPairs = 0;
  let ratedUnits = 0;

  for (const ratings of units) {
    const m = ratings.length;
    if (m < 2) continue;
    ratedUnits++;
    n += m;
    pairs += (m * (m - 1)) / 2;
    const counts = new Map<string, number>();
    for (const value of ratings) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) {
      totals.set(value, (totals.get(value) ?? 0) + count);
      diagonal += (count * (count - 1)) / (m - 1);
      agreeingPairs += (count * (count - 1)) / 2;
    }
  }

  let sumSquares = 0;
  for (const total of totals.values()) sumSquares += total * total;
  const expectedPairs = n * n - sumSquares; // Σ_{c≠k} n_c n_k
  const observedOffDiagonal = n - diagonal; // Σ_{c≠k} o_ck

  return {
    alpha: expectedPairs === 0 ? null : 1 - ((n - 1) * observedOffDiagonal) / expectedPairs,
    percentAgreement: pairs === 0 ? null : agreeingPairs / pairs,
    ratedUnits,
  };
}
