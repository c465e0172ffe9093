/**
 * Region codes are a materialized path (docs/architecture.md): each level extends its parent's code
 * by a fixed number of digits, so a code's length says its level and its prefixes are its
 * ancestors. District 230108 → street 230108001 → community 230108001002 → grid 23010800100201 →
 * building 23010800100201001. A town is at the street level and a village at the community level.
 * Every cut of a code goes through here, so the lengths live in one place (server and web).
 */

export const REGION_LEVELS = ['district', 'street', 'community', 'grid', 'building'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** How long a code of each level is. */
export const REGION_CODE_LENGTH: Readonly<Record<RegionLevel, number>> = {
  district: 6,
  street: 9,
  community: 12,
  grid: 14,
  building: 17,
};

/** The code lengths of the levels, top down: 6, 9, 12, 14, 17. */
export const REGION_CODE_LENGTHS: readonly number[] = REGION_LEVELS.map((level) => REGION_CODE_LENGTH[level]);

/** The level a code's length says, or undefined for a length no level has. */
export function levelOf(code: string): RegionLevel | undefined {
  const index = REGION_CODE_LENGTHS.indexOf(code.length);
  return index < 0 ? undefined : REGION_LEVELS[index];
}

/**
 * The region at `level` that contains `code`: its prefix of that level's length, or the code
 * itself when it is already that coarse (a street asked for its grid stays the street).
 */
export function regionAt(code: string, level: RegionLevel): string {
  return code.slice(0, REGION_CODE_LENGTH[level]);
}

/** The district a code lies in (its first six digits). */
export const districtOf = (code: string): string => regionAt(code, 'district');

/** The code's own path from its district down to itself, every level on the way (top down). */
export function pathOf(code: string): string[] {
  return REGION_CODE_LENGTHS.filter((length) => length <= code.length).map((length) => code.slice(0, length));
}

/** The ancestors of a code, district first, without the code itself. */
export const ancestorsOf = (code: string): string[] => pathOf(code).filter((c) => c !== code);

/** The region directly above a code, or undefined for a district (or a code of no level). */
export function parentOf(code: string): string | undefined {
  const index = REGION_CODE_LENGTHS.indexOf(code.length);
  return index > 0 ? code.slice(0, REGION_CODE_LENGTHS[index - 1]) : undefined;
}

/** How long the codes of a code's children are, or undefined for a building (or no level). */
export function childLengthOf(code: string): number | undefined {
  const index = REGION_CODE_LENGTHS.indexOf(code.length);
  return index >= 0 ? REGION_CODE_LENGTHS[index + 1] : undefined;
}

/** Whether `code` is `root` or lies below it: a prefix match, as `Scope.covers` does in SQL. */
export const isWithin = (code: string, root: string): boolean => code.startsWith(root);
