/**
 * Organization kinds and where each may sit. Shared by the server (which enforces them) and the
 * web (whose forms offer only what the server accepts).
 */
export const REGION_KINDS = [
  'district',
  'street',
  'town',
  'community',
  'village',
  'grid',
  'building',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** How deep each kind of region lies below its district (streets and towns, communities and villages share a level). */
export const DEPTH_OF_KIND: Record<RegionKind, number> = {
  district: 0,
  street: 1,
  town: 1,
  community: 2,
  village: 2,
  grid: 3,
  building: 4,
};

export type OrganizationKind =
  | 'committee'
  | 'general_branch'
  | 'branch'
  | 'corridor_branch'
  | 'group'
  | 'warm_group'
  | 'volunteer_team';

export const ORGANIZATION_KINDS = [
  'committee',
  'general_branch',
  'branch',
  'corridor_branch',
  'group',
  'warm_group',
  'volunteer_team',
] as const satisfies readonly OrganizationKind[];

interface KindRule {
  /** Kinds the parent may be; null allows a root organization. */
  parents: readonly (OrganizationKind | null)[];
  /** Region kinds the organization may be anchored to. */
  regionAnchors: readonly RegionKind[];
  /** Whether it may be anchored to an enterprise (non-public enterprise organizations). */
  enterprise: boolean;
  /** Whether its leader must be one of its own members (party organizations) or any member in scope. */
  leaderIsOwnMember: boolean;
}

const ALL_REGIONS: readonly RegionKind[] = REGION_KINDS;

/** 三全一立: which organization sits under which, anchored where (the article's layering). */
export const KIND_RULES: Record<OrganizationKind, KindRule> = {
  committee: {
    parents: [null, 'committee'],
    regionAnchors: ['district', 'street', 'town', 'community', 'village'],
    enterprise: true,
    leaderIsOwnMember: true,
  },
  general_branch: {
    parents: [null, 'committee'],
    regionAnchors: ['street', 'town', 'community', 'village'],
    enterprise: true,
    leaderIsOwnMember: true,
  },
  branch: {
    parents: [null, 'committee', 'general_branch'],
    regionAnchors: ['street', 'town', 'community', 'village', 'grid'],
    enterprise: true,
    leaderIsOwnMember: true,
  },
  // 楼道党支部: one building's members, under the community's organization.
  corridor_branch: {
    parents: ['committee', 'general_branch', 'branch'],
    regionAnchors: ['building'],
    enterprise: false,
    leaderIsOwnMember: true,
  },
  group: {
    parents: ['branch', 'corridor_branch', 'general_branch'],
    regionAnchors: ALL_REGIONS,
    enterprise: true,
    leaderIsOwnMember: true,
  },
  // 党群温馨小组: a member leading a few neighbouring households (a building entrance).
  warm_group: {
    parents: [null, 'committee', 'general_branch', 'branch', 'corridor_branch'],
    regionAnchors: ['grid', 'building'],
    enterprise: false,
    leaderIsOwnMember: false,
  },
  volunteer_team: {
    parents: [null, 'committee', 'general_branch', 'branch', 'corridor_branch'],
    regionAnchors: ALL_REGIONS,
    enterprise: false,
    leaderIsOwnMember: false,
  },
};
