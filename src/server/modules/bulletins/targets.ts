import type { Target } from '../../../shared/api/bulletins.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { fieldError } from '../../http/errors.js';
import { audienceRepository as audience } from './audience.repository.js';
import type { BulletinTargetTable } from './bulletins.tables.js';

type TargetInsert = BulletinTargetTable;

import type { TargetRow } from './posts.repository.js';

/**
 * The region a post or course is filed under, and its targets: each inside the caller's scope and
 * under that region. Unknown and out-of-scope records are refused alike, by field.
 */
export async function checkPlacement(
  db: Executor,
  scope: Scope,
  subjectId: string,
  regionCode: string,
  targets: readonly Target[],
): Promise<TargetInsert[]> {
  if (!(await audience.regionInScope(db, scope, regionCode)))
    throw fieldError('regionCode', 'bulletin.unknown_region');
  const district = regionCode.slice(0, 6);
  const rows: TargetInsert[] = [];
  for (const [i, target] of targets.entries()) {
    if (target.kind === 'organization') {
      const org = await audience.organizationInScope(db, scope, target.organizationId);
      if (org?.status !== 'active')
        throw fieldError(`targets.${i}.organizationId`, 'bulletin.unknown_organization');
      if (!org.region_code.startsWith(regionCode))
        throw fieldError(`targets.${i}.organizationId`, 'bulletin.target_outside_region');
      if (rows.some((r) => r.organization_id === org.id))
        throw fieldError(`targets.${i}.organizationId`, 'bulletin.duplicate_target');
      rows.push({
        subject_id: subjectId,
        position: i,
        district_code: district,
        target_kind: 'organization',
        organization_id: org.id,
        region_code: null,
        include_descendants: target.includeDescendants ? 1 : 0,
      });
    } else {
      if (!(await audience.regionInScope(db, scope, target.regionCode)))
        throw fieldError(`targets.${i}.regionCode`, 'bulletin.unknown_region');
      if (!target.regionCode.startsWith(regionCode))
        throw fieldError(`targets.${i}.regionCode`, 'bulletin.target_outside_region');
      if (rows.some((r) => r.region_code === target.regionCode))
        throw fieldError(`targets.${i}.regionCode`, 'bulletin.duplicate_target');
      rows.push({
        subject_id: subjectId,
        position: i,
        district_code: district,
        target_kind: 'region',
        organization_id: null,
        region_code: target.regionCode,
        include_descendants: 1,
      });
    }
  }
  return rows;
}

/** Stored targets with the names of what they name. */
export async function namedTargets(db: Executor, rows: readonly TargetRow[]) {
  const names = await audience.names(
    db,
    rows.flatMap((r) => (r.organization_id ? [r.organization_id] : [])),
    rows.flatMap((r) => (r.region_code ? [r.region_code] : [])),
  );
  return rows.map((r) => ({
    kind: r.target_kind,
    organizationId: r.organization_id,
    regionCode: r.region_code,
    includeDescendants: r.include_descendants === 1,
    name: names.get(r.organization_id ?? r.region_code ?? '') ?? '',
  }));
}
