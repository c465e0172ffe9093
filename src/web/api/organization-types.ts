/** Organizations, members and the member workflows, as the server answers (see /api/docs). */
import type { OrganizationKind } from '../../shared/organization-rules';

// The kinds are the server's own (src/shared/organization-rules.ts), not a copy of them.
export type { OrganizationKind };

export type MemberCategory = 'formal' | 'probationary';
export type MemberStatus = 'in_service' | 'retired' | 'mobile' | 'lost_contact';

export interface Organization {
  id: string;
  kind: OrganizationKind;
  name: string;
  parentId: string | null;
  regionCode: string;
  anchorRegionCode: string | null;
  anchorEnterpriseId: string | null;
  leaderMemberId: string | null;
  createdAt: string;
}

export interface OrganizationHistoryEntry {
  change: string;
  at: string;
  /** JSON objects as text: the recorded values before and after the change. */
  before: string;
  after: string;
}

/** Another record named on a page: its name, and whether the reader may open it. */
export interface NamedLink {
  id: string;
  name: string;
  visible: boolean;
}

export interface OrganizationDetail extends Organization {
  parent: NamedLink | null;
  leader: NamedLink | null;
  children: Organization[];
  memberCount: number;
  history: OrganizationHistoryEntry[];
}

/** A member as an organization's member list shows them: the ID number comes masked. */
export interface OrganizationMember {
  id: string;
  name: string;
  idNumber: string;
  category: MemberCategory;
  status: MemberStatus;
  joinedOn: string;
  post: string;
  livesInDistrict: boolean;
  homeRegionCode: string;
  isLeader: boolean;
}

export interface CaredHousehold {
  id: string;
  regionCode: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
}

/** A member as pickers list them (GET /api/members?q=). */
export interface MemberOption {
  id: string;
  name: string;
  organizationName: string;
  status: MemberStatus;
}

/** How a warm group's household came to its caring member: with the group's leader, or by hand. */
export type CaringSource = 'warm_group' | 'assigned';

/** A household a warm group looks after, and who cares for it. */
export interface WarmGroupHousehold extends UncoveredHousehold {
  caringMember: string | null;
  caringSource: CaringSource | null;
}

export interface MemberPage {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  category: MemberCategory;
  status: MemberStatus;
  joinedOn: string;
  post: string;
  regionCode: string;
  history: { organization: string; from: string; to: string | null; reason: string }[];
  caredHouseholds: CaredHousehold[];
}

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string;
  address: string;
  regionCode: string;
}

export interface CoverageFigures {
  households: number;
  caredHouseholds: number;
  /** 0..100, one decimal. */
  carePercent: number;
  warmGroupHouseholds: number;
  warmGroupPercent: number;
}

export interface Coverage extends CoverageFigures {
  regionCode: string;
  name: string;
  buildings: number;
  buildingsWithCorridorBranch: number;
  corridorBranchPercent: number;
  enterprises: number;
  enterprisesWithOrganization: number;
  enterprisePercent: number;
  children: (CoverageFigures & { code: string; name: string; kind: string })[];
}

export interface UncoveredHousehold {
  id: string;
  regionCode: string;
  placeName: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
}

export const SERVICE_AREAS = [
  '宣传教育',
  '社区环境',
  '治安防范',
  '文体活动',
  '帮扶弱势群体',
  '就业渠道',
  '便民行动',
  '身心健康',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export type RegistrationStatus = 'pending' | 'confirmed' | 'rejected';

export interface Registration {
  id: string;
  memberId: string;
  memberName: string;
  organizationName: string;
  communityCode: string;
  communityName: string;
  serviceAreas: string[];
  commitment: string;
  status: RegistrationStatus;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RegistrationSummary {
  communityCode: string;
  communityName: string;
  confirmed: number;
  pending: number;
  notRegistered: { memberId: string; name: string; organizationName: string }[];
}

export type TransferStatus =
  | 'requested'
  | 'sender_approved'
  | 'letter_issued'
  | 'completed'
  | 'rejected'
  | 'expired';
export type TransferAction = 'approve_sending' | 'approve_receiving' | 'reject' | 'receipt';
export type TransferDirection = 'outgoing' | 'incoming';

export interface Transfer {
  id: string;
  member: { id: string; name: string };
  fromOrganization: { id: string; name: string };
  toOrganization: { id: string; name: string };
  /** YYYY-MM */
  duesPaidUntil: string;
  letterValidDays: number;
  status: TransferStatus;
  letterExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export interface Commitment {
  id: string;
  memberId: string;
  memberName: string;
  year: number;
  content: string;
  /** 0..100 */
  progress: number;
  ratings: { satisfied: number; basicallySatisfied: number; unsatisfied: number; total: number };
  /** 0..1, null before the first rating. */
  satisfactionRate: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Commendation {
  id: string;
  year: number;
  title: string;
  subjectType: 'member' | 'organization';
  subjectId: string;
  subjectName: string;
  note: string;
  createdAt: string;
}
