/**
 * The Wilson score interval for a proportion, 95% (z = 1.96): unlike p ± z·√(p(1−p)/n) it stays
 * inside [0, 1] and does not collapse to a point at 0 or n satisfied. Answers per mille, rounded;
 * nulls without answers.
 */
const Z = 1.959963984540054;

export function wilson(
  satisfied: number,
  n: number,
): { share: number | null; low: number | null; high: number | null } {
  if (n <= 0) return { share: null, low: null, high: null };
  const p = satisfied / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const perMille = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000);
  return { share: perMille(p), low: perMille(centre - half), high: perMille(centre + half) };
}
