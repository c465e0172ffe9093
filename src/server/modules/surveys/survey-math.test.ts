import { describe, expect, it } from 'vitest';
import { allocate } from './allocation.js';
import { drawKey, SmallestKeys } from './draw-order.js';
import { wilson } from './wilson.js';

describe('the Wilson interval', () => {
  it('matches hand-computed 95% intervals, per mille', () => {
    // p = 0.8, n = 10: (0.8 + 1.96²/20 ± 1.96·√(0.016 + 1.96²/400)) / (1 + 1.96²/10) = [0.490, 0.943]
    expect(wilson(8, 10)).toEqual({ share: 800, low: 490, high: 943 });
    // None satisfied: the interval still has width, [0, 1.96²/(10 + 1.96²)] = [0, 0.278].
    expect(wilson(0, 10)).toEqual({ share: 0, low: 0, high: 278 });
    expect(wilson(50, 100)).toEqual({ share: 500, low: 404, high: 596 });
    expect(wilson(2, 3)).toEqual({ share: 667, low: 208, high: 939 });
    expect(wilson(0, 0)).toEqual({ share: null, low: null, high: null });
  });
});

describe('proportional allocation', () => {
  it('refuses fewer than one per stratum and more than the population', () => {
    const strata = [
      { code: 'a', population: 3 },
      { code: 'b', population: 2 },
    ];
    expect(allocate(strata, 1, 0)).toEqual({ tooSmall: 2 });
    expect(allocate(strata, 6, 0)).toEqual({ tooLarge: 5 });
  });

  it('gives the minimum of one and still sums to n', () => {
    // 18 / 1 / 1 of n = 5: ideal 4.5 / 0.25 / 0.25 → 4 / 1 / 1 is one too many; the big grid gives it back.
    const quotas = allocate(
      [
        { code: 'a', population: 18 },
        { code: 'b', population: 1 },
        { code: 'c', population: 1 },
      ],
      5,
      50,
    );
    expect(quotas).toEqual([
      { code: 'a', population: 18, quota: 3, reserves: 2 },
      { code: 'b', population: 1, quota: 1, reserves: 0 },
      { code: 'c', population: 1, quota: 1, reserves: 0 },
    ]);
  });

  it('gives the remainder to the largest remainders, ties by code', () => {
    const quotas = allocate(
      ['c', 'a', 'b'].map((code) => ({ code, population: 7 })),
      10,
      0,
    );
    expect(Array.isArray(quotas) && quotas.map((q) => [q.code, q.quota])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 3],
    ]);
  });
});

describe('the draw order', () => {
  it('keeps the k smallest keys whatever order the ids come in', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`);
    const take = (order: string[]) => {
      const kept = new SmallestKeys<{ key: string; id: string }>(5);
      for (const id of order) kept.offer({ id, key: drawKey('s', id) });
      return kept.sorted.map((k) => k.id);
    };
    const expected = [...ids].sort((a, b) => (drawKey('s', a) < drawKey('s', b) ? -1 : 1)).slice(0, 5);
    expect(take(ids)).toEqual(expected);
    expect(take([...ids].reverse())).toEqual(expected);
  });
});
