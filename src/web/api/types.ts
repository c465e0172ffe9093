/** The shapes the server answers with (see the API's OpenAPI document at /api/docs). */
import type { RegionKind } from '../../shared/organization-rules';

// Region kinds as the organization rules name them (src/shared/organization-rules.ts).
export type { RegionKind };

// The server's permission names (src/server/auth/permissions.ts), one list for both sides.
import type { Permission } from '../../server/auth/permissions';

export type { Permission };
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

/** An account in the users list: whether the signed-in manager may change it. */
export interface ManagedUser extends User {
  manageable: boolean;
}

export interface Me extends User {
  /** For each permission the user holds, the region codes (subtree roots) where it holds. */
  permissions: Partial<Record<Permission, string[]>>;
  /** Linked to a party member: only then is there a member's own page (/api/me/member) to ask for. */
  isMember: boolean;
  /**
   * The password was set by someone else (an administrator): the server refuses everything but
   * who-am-I, sign-out and the password change until the user has changed it.
   */
  passwordChangeRequired: boolean;
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

/** One page of a list; `nextCursor` is opaque (server/http/pagination.ts), null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Gender = 'male' | 'female';
export type PersonStatus = 'active' | 'moved_out' | 'deceased' | 'anonymized';

/** A person as lists show them: ID number and phone come masked (230108********1234, 138****5678). */
export interface PersonSummary {
  id: string;
  name: string;
  gender: Gender;
  age: number;
  idNumber: string;
  phone: string;
  ethnicity: string;
  relation: string;
  regionCode: string;
  householdId: string;
  status: PersonStatus;
  /** Tag names. */
  tags: string[];
}

/** A row of the residents list: where the person lives, named from just below the reader's level. */
export interface PersonListItem extends PersonSummary {
  regionPath: string[];
}

export interface PersonDetail extends PersonSummary {
  registeredAddress: string;
  currentAddress: string;
  note: string;
  hasHealthRecord: boolean;
  healthUpdatedAt: string | null;
  moves: { at: string; fromRegionCode: string; toRegionCode: string }[];
  createdAt: string;
  updatedAt: string;
}

export type RevealField = 'idNumber' | 'phone' | 'health';

/** The health record; revealed as a JSON string of this shape. */
export interface HealthRecord {
  conditions: string;
  doctorContact: string;
  /** YYYY-MM-DD or empty. */
  lastCheckup: string;
}

export interface PersonTag {
  code: string;
  name: string;
}

/** One household as the neighbour map and neighbour lists show it. */
export interface HouseholdCell {
  id: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  headName: string | null;
  size: number;
  tags: string[];
  caringMember: string | null;
}

export interface HouseholdMember extends PersonSummary {
  isHead: boolean;
  hasHealthRecord: boolean;
}

export interface Household extends HouseholdCell {
  regionCode: string;
  regionName: string;
  gridCode: string;
  overview: string;
  members: HouseholdMember[];
  contactHistory: { at: string; kind: string; summary: string }[];
}

export type NeighbourRelation = 'left' | 'right' | 'above' | 'below' | 'near';

export interface Neighbour {
  relation: NeighbourRelation;
  distanceMetres: number | null;
  household: Omit<HouseholdCell, 'latitude' | 'longitude' | 'caringMember'>;
}

export interface NeighbourMap {
  kind: string;
  regionCode: string;
  name: string;
  buildings: { code: string; name: string; households: number; persons: number }[];
  households: HouseholdCell[];
}

export type ImportStatus = 'running' | 'succeeded' | 'rejected' | 'failed';

export interface ImportJob {
  id: string;
  fileName: string;
  status: ImportStatus;
  skipInvalid: boolean;
  /** 0..1 */
  progress: number;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  hasReport: boolean;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
}
