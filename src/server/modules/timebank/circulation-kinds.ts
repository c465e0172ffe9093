import type { TransferKind } from './timebank.tables.js';

/**
 * The transfers that count as minutes changing hands (the cockpit's "time-bank circulation"):
 * direct transfers, credited service hours, donations, board exchanges when the held minutes are
 * released to the helper, and supermarket orders. Not counted: starter grants (new minutes, not
 * circulation), escrow holds (counted once, at their release), refunds and reversals (corrections;
 * the corrected transfer stays counted, nothing is subtracted).
 */
export const CIRCULATING_KINDS: ReadonlySet<TransferKind> = new Set<TransferKind>([
  'transfer',
  'credit',
  'donation',
  'release',
  'redemption',
]);
