import { describe, expect, it } from 'vitest';
import { liftSmallCells } from './survey-counters.js';

describe('the cockpit’s anonymous survey cells', () => {
  const grid = (n: number) => `230108001001${String(n).padStart(2, '0')}`;
  const community = '230108001001';

  it('moves a place with fewer than three answers into the one above, and keeps the rest', () => {
    const cells = new Map([
      [grid(1), { n: 5, satisfied: 4 }],
      [grid(2), { n: 2, satisfied: 2 }],
      [grid(3), { n: 1, satisfied: 0 }],
    ]);
    const lifted = liftSmallCells(cells);
    expect(Object.fromEntries(lifted)).toEqual({
      [grid(1)]: { n: 5, satisfied: 4 },
      [community]: { n: 3, satisfied: 2 },
    });
    // Nothing invented or lost, and the input is left as it was.
    const sum = (m: ReadonlyMap<string, { n: number }>) => [...m.values()].reduce((a, t) => a + t.n, 0);
    expect(sum(lifted)).toBe(sum(cells));
    expect(cells.get(grid(3))).toEqual({ n: 1, satisfied: 0 });
  });

  it('lifts again while the parent is still small, up to the district and no further', () => {
    const lifted = liftSmallCells(new Map([[grid(1), { n: 1, satisfied: 1 }]]));
    expect(Object.fromEntries(lifted)).toEqual({ '230108': { n: 1, satisfied: 1 } });
  });
});
