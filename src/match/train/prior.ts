/**
 * The prior (probability two random records match) from the data: the fixed point of
 * λ = Σ_candidates P(match | pair, λ) / (all pairs), i.e. EM on λ alone over the full pair space,
 * taking pairs outside the candidate set as non-matches.
 */

/** `bayesBits[p]`: sum of the field weights of candidate p, without the prior. */
export function estimatePrior(
  bayesBits: Float64Array,
  allPairs: number,
  maxIterations = 100,
): { prior: number; iterations: number } {
  if (bayesBits.length === 0 || allPairs <= 0) return { prior: 1e-6, iterations: 0 };
  let lambda = Math.min(0.5, bayesBits.length / allPairs / 10);
  for (let it = 1; it <= maxIterations; it++) {
    const priorBits = Math.log2(lambda / (1 - lambda));
    let sum = 0;
    for (let p = 0; p < bayesBits.length; p++) sum += 1 / (1 + 2 ** -(bayesBits[p]! + priorBits));
    const next = Math.min(0.5, Math.max(1e-12, sum / allPairs));
    if (Math.abs(next - lambda) <= lambda * 1e-4) return { prior: next, iterations: it };
    lambda = next;
  }
  return { prior: lambda, iterations: maxIterations };
}
