/**
 * The server's answers as the web names them. Every shape is derived from the zod schemas in
 * src/shared/api (the server validates with them, `api()` parses with them): nothing here is
 * written by hand, so the web and the server cannot drift apart.
 */
import type { HealthBody, Household, ImportJob, Neighbour, PersonSummary } from '../../shared/api/register';
import type { User } from '../../shared/api/users';

export type { AuditEntry } from '../../shared/api/audit';
export type { Region, RegionDetail, RegionSummary } from '../../shared/api/regions';
export type {
  Household,
  HouseholdCell,
  ImportJob,
  Neighbour,
  NeighbourMap,
  PersonDetail,
  PersonListItem,
  PersonSummary,
  Tag as PersonTag,
} from '../../shared/api/register';
export type { ManagedUser, Me, RoleInfo, User, UserStatus } from '../../shared/api/users';
export type { RegionKind } from '../../shared/organization-rules';
export type { Permission, RoleName } from '../../shared/permissions';

export type Gender = PersonSummary['gender'];
export type PersonStatus = PersonSummary['status'];
export type HouseholdMember = Household['members'][number];
export type NeighbourRelation = Neighbour['relation'];
export type ImportStatus = ImportJob['status'];
export type RevealField = 'idNumber' | 'phone' | 'health';
export type RoleAssignment = User['roles'][number];

/** The health record; revealed as a JSON string of this shape (what PUT …/health takes). */
export type HealthRecord = HealthBody;
