export type RegionStat = 'households' | 'cared_households' | 'warm_group_households';
export type StatDeltas = Partial<Record<RegionStat, number>>;

/** District (6), street/town (9), community/village (12), grid (14), building (17). */
export const LEVELS = [6, 9, 12, 14, 17];

/** A region and every ancestor: each holds the totals of its subtree. */
export function selfAndAncestors(regionCode: string): string[] {
  return LEVELS.filter((length) => length <= regionCode.length).map((length) => regionCode.slice(0, length));
}
