// Shape of the region codes used in the app. GB/T 2260 gives provinces (2 digits), cities (4) and
// counties (6); the statistics bureau extends them with streets (9) and villages/communities (12).
// The app adds grids (community + 2-digit sequence) and buildings (grid + 3-digit sequence).
// Whether a code exists is checked by the server against its data; this file only checks shape.

export type DivisionCodeLevel = 'province' | 'city' | 'county' | 'street' | 'village' | 'grid' | 'building';

const LEVEL_BY_LENGTH: ReadonlyMap<number, DivisionCodeLevel> = new Map([
  [2, 'province'],
  [4, 'city'],
  [6, 'county'],
  [9, 'street'],
  [12, 'village'],
  [14, 'grid'],
  [17, 'building'],
]);

/** The level a code's length implies, or null when it is not all digits or has no level's length. */
export function divisionCodeLevel(code: string): DivisionCodeLevel | null {
  if (!/^\d+$/.test(code)) return null;
  return LEVEL_BY_LENGTH.get(code.length) ?? null;
}

export function isDivisionCodeShape(code: string): boolean {
  return divisionCodeLevel(code) !== null;
}
