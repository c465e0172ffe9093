import type { Me } from '../../../api/types';

/** A district whose own calendar and categories the signed-in user may change. */
export interface OwnDistrict {
  code: string;
  name: string;
}

/**
 * The districts whose whole subtree the user manages the catalogue in (a district's own settings
 * belong to its district-wide admins; the server checks it again). Region codes of districts have
 * six digits.
 */
export function ownDistricts(me: Me): OwnDistrict[] {
  const codes = (me.permissions['catalogue.manage'] ?? []).filter((code) => code.length === 6);
  return [...new Set(codes)].map((code) => ({
    code,
    name: me.roles.find((role) => role.regionCode === code)?.regionName ?? code,
  }));
}

/** A district's name for display: the user's own districts by name, others by code. */
export const districtName = (districts: readonly OwnDistrict[], code: string): string =>
  districts.find((district) => district.code === code)?.name ?? code;
