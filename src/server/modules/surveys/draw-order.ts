import { createHmac } from 'node:crypto';

/**
 * The order in which a survey's seed ranks the people (or orders) of a stratum: each id's keyed
 * hash under the seed, smallest first. Taking the first k of that order is a simple random
 * sample of k (every set of k equally likely), and it is the same whatever order the database
 * hands the ids out in, on SQLite or PostgreSQL, so the draw can be repeated from the stored seed.
 * The first `quota` are the sample, the next `reserves` the reserves in the order they are used.
 */
export function drawKey(seed: string, id: string): string {
  return createHmac('sha256', seed).update(id).digest('hex');
}

/** Keeps the `k` smallest keys seen so far: a stratum's ids stream through, only the winners stay. */
export class SmallestKeys<T extends { key: string }> {
  private readonly kept: T[] = [];

  constructor(private readonly k: number) {}

  offer(item: T): void {
    if (this.k === 0) return;
    if (this.kept.length === this.k && item.key >= this.kept[this.kept.length - 1]!.key) return;
    // Binary insertion: strata hold a grid's people, k is a grid's quota and reserves.
    let low = 0;
    let high = this.kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.kept[mid]!.key < item.key) low = mid + 1;
      else high = mid;
    }
    this.kept.splice(low, 0, item);
    if (this.kept.length > this.k) this.kept.pop();
  }

  /** The winners, smallest key first. */
  get sorted(): readonly T[] {
    return this.kept;
  }
}
