/**
 * Organizations, members and the member workflows as the web names them: derived from the zod
 * schemas in src/shared/api (see types.ts), never written by hand.
 */
import type { CommunityRegistration, Transfer } from '../../shared/api/member-workflows';

export type {
  Commendation,
  Commitment,
  CommunityRegistration as Registration,
  CommunityRegistrationSummary as RegistrationSummary,
  Satisfaction,
  ServiceArea,
  Transfer,
  TransferAction,
  TransferDirection,
} from '../../shared/api/member-workflows';
export { SERVICE_AREAS } from '../../shared/api/member-workflows';
export type {
  CaredHousehold,
  CaringSource,
  Coverage,
  CoverageFigures,
  Enterprise,
  MemberCategory,
  MemberOption,
  MemberPage,
  MemberStatus,
  NamedLink,
  Organization,
  OrganizationDetail,
  OrganizationHistoryEntry,
  OrganizationMember,
  UncoveredHousehold,
  WarmGroupHousehold,
} from '../../shared/api/organizations';
export type { OrganizationKind } from '../../shared/organization-rules';

export type RegistrationStatus = CommunityRegistration['status'];
export type TransferStatus = Transfer['status'];
