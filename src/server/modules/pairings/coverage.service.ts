import type { Scope } from '../../auth/scope.js';
import type { ServiceContext } from '../../services.js';
import { regionsRepository } from '../regions/index.js';
import { pairingPartiesRepository as parties } from './pairing-parties.repository.js';

const perMille = (covered: number, households: number) =>
  households === 0 ? null : Math.floor((covered * 1000) / households);

/**
 * 帮扶覆盖率: households in difficulty (a resident tagged 低保户 or 特困) with an active pairing ÷
 * all such households, for a region and each of its children (the region tree rolled up by code
 * prefix), and the households still without a pairing.
 */
export class PairingCoverageService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Where a request without a region looks: the caller's one root, else their district. */
  private rootOf(scope: Scope, region: string | undefined): string {
    return region ?? (scope.roots.length === 1 ? scope.roots[0]! : this.ctx.config.districtCode);
  }

  async coverage(scope: Scope, region: string | undefined) {
    const { db } = this.ctx.database;
    const code = this.rootOf(scope, region);
    const within = scope.filteredTo(code);
    const [place, children, households] = await Promise.all([
      regionsRepository.findUnscoped(db, code),
      regionsRepository.children(db, code),
      parties.difficultyHouseholds(db, within),
    ]);
    const tally = (prefix: string) => {
      const inside = households.filter((h) => h.region_code.startsWith(prefix));
      const covered = inside.filter((h) => Boolean(Number(h.covered))).length;
      return { households: inside.length, covered, perMille: perMille(covered, inside.length) };
    };
    return {
      region: { regionCode: code, name: place?.name ?? code, kind: place?.kind ?? '', ...tally(code) },
      children: children
        .filter((child) => within.includes(child.code) || within.roots.some((r) => r.startsWith(child.code)))
        .map((child) => ({
          regionCode: child.code,
          name: child.name,
          kind: child.kind,
          ...tally(child.code),
        })),
    };
  }

  async uncovered(
    scope: Scope,
    region: string | undefined,
    limit: number,
    after?: { regionCode: string; id: string },
  ) {
    const { db } = this.ctx.database;
    const within = region ? scope.filteredTo(region) : scope;
    const rows = await parties.uncovered(db, within, limit + 1, after);
    const tags = await parties.difficultyTagsOf(
      db,
      rows.slice(0, limit).map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      regionCode: row.region_code,
      placeName: row.place_name,
      address: row.address,
      headName: row.head_status === 'anonymized' ? '' : (row.head_name ?? ''),
      tags: tags.get(row.id) ?? [],
    }));
  }
}
