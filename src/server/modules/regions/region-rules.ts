import type { Scope } from '../../auth/scope.js';
import type { RegionKind } from '../../db/tables.js';

/** Which kinds may be created by hand under which parent kinds, and how their codes grow. */
export const LOCAL_CHILD_RULES: Partial<Record<RegionKind, { kind: 'grid' | 'building'; digits: number }>> = {
  community: { kind: 'grid', digits: 2 },
  village: { kind: 'grid', digits: 2 },
  grid: { kind: 'building', digits: 3 },
};

/** The next free child code: the parent's code plus a zero-padded sequence number. */
export function nextChildCode(
  parentCode: string,
  lastChildCode: string | undefined,
  digits: number,
): string | null {
  const last = lastChildCode ? Number(lastChildCode.slice(parentCode.length)) : 0;
  const next = last + 1;
  if (next >= 10 ** digits) return null;
  return parentCode + String(next).padStart(digits, '0');
}

// One depth table for the server and the web's region picker.
export { DEPTH_OF_KIND } from '../../../shared/organization-rules.js';

/**
 * Renaming or deleting a region is decided from above it: the caller's scope must contain the
 * region strictly, not as one of its roots. A grid worker keeps the buildings of their grid, but
 * the grid itself — its name, its existence — is the community's to decide; the same holds for
 * anyone at the root of their scope.
 */
export const mayEditRegion = (scope: Scope, code: string): boolean =>
  scope.roots.some((root) => code !== root && code.startsWith(root));
