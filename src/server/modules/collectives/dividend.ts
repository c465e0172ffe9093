/**
 * The dividend arithmetic of a collective (村集体经济组织分红), in integer fen and exactly:
 * the rate's share of the income is kept (rounded down to the fen), the rest is distributable,
 * every share gets the same whole number of fen (the distributable amount ÷ shares, rounded down),
 * and the fen that cannot be split evenly stay with the collective as retained too. So
 * paid + retained = income, to the fen, always: nothing is lost and nothing is invented.
 * BigInt keeps income × rate exact beyond 2^53.
 */
export interface DividendInput {
  incomeFen: number;
  retentionBp: number;
  holdings: readonly { personId: string; shares: number }[];
}

export interface DividendResult {
  /** The rate's share plus the remainder. */
  retainedFen: number;
  /** The fen left over after every share got the same amount (part of retainedFen). */
  remainderFen: number;
  totalShares: number;
  perShareFen: number;
  paidFen: number;
  payouts: { personId: string; shares: number; amountFen: number }[];
}

export function computeDividend({ incomeFen, retentionBp, holdings }: DividendInput): DividendResult {
  if (!Number.isSafeInteger(incomeFen) || incomeFen < 0) throw new RangeError('income must be whole fen');
  if (!Number.isInteger(retentionBp) || retentionBp < 0 || retentionBp > 10_000)
    throw new RangeError('retention must be 0–10000 bp');
  const income = BigInt(incomeFen);
  const byRate = (income * BigInt(retentionBp)) / 10_000n;
  const distributable = income - byRate;
  const totalShares = holdings.reduce((sum, h) => sum + BigInt(h.shares), 0n);
  const perShare = totalShares === 0n ? 0n : distributable / totalShares;
  const paid = perShare * totalShares;
  const remainder = distributable - paid;
  return {
    retainedFen: Number(byRate + remainder),
    remainderFen: Number(remainder),
    totalShares: Number(totalShares),
    perShareFen: Number(perShare),
    paidFen: Number(paid),
    payouts: holdings.map((h) => ({
      personId: h.personId,
      shares: h.shares,
      amountFen: Number(perShare * BigInt(h.shares)),
    })),
  };
}
