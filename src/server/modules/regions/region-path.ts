import { isWithin, pathOf } from '../../../shared/region-code.js';

/**
 * The codes of a region's path as a reader sees it: from just below the reader's own level down
 * to the region (兴建街道 / 青年社区 / 第一网格 / 1号楼 for a district reader, 第一网格 / 1号楼 for a
 * community reader). A region at the reader's own level is its own path. `roots` are the
 * reader's scope roots; the one that holds the region sets the level.
 */
export function regionPathCodes(code: string, roots: readonly string[]): string[] {
  const root = roots.find((r) => isWithin(code, r));
  const below = pathOf(code).filter((c) => c.length > (root?.length ?? 0));
  return below.length > 0 ? below : [code];
}
