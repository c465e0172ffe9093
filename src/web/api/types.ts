/** The shapes the server answers with (see the API's OpenAPI document at /api/docs). */
export type RegionKind = 'district' | 'street' | 'town' | 'community' | 'village' | 'grid' | 'building';
export type Permission = 'region.read' | 'region.write' | 'user.read' | 'user.manage' | 'audit.read';
export type RoleName =
  | 'district_admin'
  | 'secretary'
  | 'grid_worker'
  | 'hotline_operator'
  | 'member'
  | 'auditor';
export type UserStatus = 'active' | 'disabled';

export interface Region {
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
  districtCode: string;
  source: 'division' | 'local';
  childCount: number;
}

export type RegionSummary = Omit<Region, 'childCount'>;

export interface RegionDetail extends Region {
  ancestors: { code: string; name: string; kind: RegionKind }[];
}

export interface RoleAssignment {
  id: string;
  role: RoleName;
  regionCode: string;
  regionName: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  status: UserStatus;
  regionCode: string;
  createdAt: string;
  roles: RoleAssignment[];
}

export interface Me extends User {
  /** For each permission the user holds, the region codes (subtree roots) where it holds. */
  permissions: Partial<Record<Permission, string[]>>;
}

export interface RoleInfo {
  role: RoleName;
  permissions: string[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  regionCode: string;
  summary: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T, C> {
  items: T[];
  nextCursor: C | null;
}
