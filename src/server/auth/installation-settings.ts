import { DomainError, notFound } from '../http/errors.js';
import type { Scope } from './scope.js';

/**
 * Who owns the installation-wide settings: the shared service catalogue and the shared working-day
 * calendar, which every district's orders use unless their district overlays its own.
 *
 * There is no role above a district (`district_admin` is the widest), so the owner is whoever
 * holds the route's permission (`catalogue.manage`) over the whole subtree of the installation's
 * configured district (`config.districtCode`, LIANXIN_DISTRICT): its own district admins. A street
 * admin, whose scope is a part of that district, and the admin of another district hosted in the
 * same database may read these settings but not change them — otherwise one of them declares a
 * holiday for everybody, and the audit row lands in a district that is not theirs. Hotlines are
 * not installation-wide: each belongs to a unit and is scoped like any other record.
 */
export function assertOwnsInstallationSettings(scope: Scope, installationDistrict: string): void {
  if (!scope.coversSubtree(installationDistrict)) {
    throw new DomainError('catalogue.installation_wide', 403, { district: installationDistrict });
  }
}

/**
 * Who owns one district's own settings (its calendar exceptions, its own categories, the shared
 * categories it switches off): whoever holds the route's permission over that district's whole
 * subtree. A street or community admin inside it is refused (403: the district is theirs to see);
 * to anyone with no part of it the district does not exist (404).
 */
export function assertOwnsDistrictSettings(scope: Scope, district: string): void {
  if (scope.coversSubtree(district)) return;
  if (touchesDistrict(scope, district)) throw new DomainError('catalogue.district_wide', 403, { district });
  throw notFound('region.not_found', { code: district });
}

/** Whether a caller has any part of a district (may see its own settings at all). */
export function touchesDistrict(scope: Scope, district: string): boolean {
  return scope.coversSubtree(district) || scope.roots.some((root) => root.startsWith(district));
}
