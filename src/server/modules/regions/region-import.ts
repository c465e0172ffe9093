import type { Database } from '../../db/database.js';
import { DomainError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { divisionTreeOf } from './division-data.js';
import { DEPTH_OF_KIND } from './region-rules.js';
import { regionsRepository } from './regions.repository.js';

export interface RegionImportResult {
  countyCode: string;
  created: number;
  renamed: number;
  unchanged: number;
}

/**
 * Brings a county's official region tree into the database: new divisions are added, renamed ones
 * take the official name, nothing is deleted (local grids and buildings hang below). Idempotent.
 */
export async function importCountyRegions(
  ctx: ServiceContext,
  countyCode: string,
  actor: AuditActor,
): Promise<RegionImportResult> {
  const tree = divisionTreeOf(countyCode);
  if (!tree) throw new DomainError('region.unknown_county', 400, { code: countyCode });
  const database: Database = ctx.database;
  const result: RegionImportResult = { countyCode, created: 0, renamed: 0, unchanged: 0 };
  await database.db.transaction().execute(async (trx) => {
    const now = ctx.now().toISOString();
    for (const division of tree) {
      const existing = await regionsRepository.findUnscoped(trx, division.code);
      if (!existing) {
        await regionsRepository.insert(trx, {
          code: division.code,
          parent_code: division.parentCode,
          kind: division.kind,
          name: division.name,
          depth: DEPTH_OF_KIND[division.kind],
          district_code: countyCode,
          source: 'division',
          created_at: now,
          updated_at: now,
        });
        result.created += 1;
      } else if (existing.name !== division.name) {
        await regionsRepository.rename(trx, division.code, division.name, now);
        result.renamed += 1;
      } else {
        result.unchanged += 1;
      }
    }
    await ctx.audit.append(trx, actor, {
      action: 'region.imported',
      targetType: 'region',
      targetId: countyCode,
      regionCode: countyCode,
      summary: { ...result },
    });
  });
  return result;
}
