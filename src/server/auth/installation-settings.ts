import { DomainError } from '../http/errors.js';
import type { Scope } from './scope.js';

/**
 * Who owns the installation-wide settings: the service catalogue and the working-day calendar,
 * which every district's orders and deadlines share (neither table carries a district).
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
