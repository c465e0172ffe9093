/**
 * Proportional allocation of a sample of `n` over strata (grids) by population, with at least one
 * from every stratum that has people and never more than a stratum holds: each gets ⌊n·Nᵢ/N⌋ (at
 * least 1), the largest remainders get one more until the quotas sum to exactly `n` (Hamilton's
 * method), and where the minimum of one overshoots, the most over-served give one back. Ties go to
 * the larger population, then to the lower region code, so the same strata always get the same
 * quotas.
 */
export interface StratumPopulation {
  code: string;
  population: number;
}

export interface Allocation extends StratumPopulation {
  quota: number;
  reserves: number;
}

export type AllocationRefusal = { tooSmall: number } | { tooLarge: number };

export function allocate(
  strata: readonly StratumPopulation[],
  n: number,
  reservePercent: number,
): Allocation[] | AllocationRefusal {
  const populated = strata.filter((s) => s.population > 0).sort((a, b) => (a.code < b.code ? -1 : 1));
  const total = populated.reduce((sum, s) => sum + s.population, 0);
  if (n < populated.length) return { tooSmall: populated.length };
  if (n > total) return { tooLarge: total };
  // Each stratum's share of n in proportion to its population, rounded down but at least one.
  const ideal = populated.map((s) => (n * s.population) / total);
  const quotas = ideal.map((share, i) => Math.min(populated[i]!.population, Math.max(1, Math.floor(share))));
  const byCode = (a: number, b: number) => (populated[a]!.code < populated[b]!.code ? -1 : 1);
  const indexes = populated.map((_, i) => i);
  let diff = n - quotas.reduce((a, b) => a + b, 0);
  // Short of n: the largest remainders (ideal − quota) get one more each, where there is room.
  const up = [...indexes].sort(
    (a, b) =>
      ideal[b]! - quotas[b]! - (ideal[a]! - quotas[a]!) ||
      populated[b]!.population - populated[a]!.population ||
      byCode(a, b),
  );
  // n ≤ the total population, so there is always room somewhere: a second pass is rarely needed.
  while (diff > 0) {
    for (const i of up) {
      if (diff === 0) break;
      if (quotas[i]! < populated[i]!.population) {
        quotas[i]! += 1;
        diff -= 1;
      }
    }
  }
  // Over n (the minimum of one pushed some up): the most over-served give one back, never below one.
  while (diff < 0) {
    const down = indexes
      .filter((i) => quotas[i]! > 1)
      .sort((a, b) => ideal[a]! - quotas[a]! - (ideal[b]! - quotas[b]!) || byCode(a, b));
    quotas[down[0]!]! -= 1;
    diff += 1;
  }
  return populated.map((s, i) => {
    const quota = quotas[i]!;
    const reserves = Math.min(s.population - quota, Math.ceil((quota * reservePercent) / 100));
    return { ...s, quota, reserves };
  });
}
