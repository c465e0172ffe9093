import { queryOptions } from '@tanstack/react-query';
import { api, isApiError } from './client';
import type {
  Enterprise,
  MemberCategory,
  MemberOption,
  MemberPage,
  MemberStatus,
  Organization,
  OrganizationDetail,
  OrganizationKind,
  OrganizationMember,
  WarmGroupHousehold,
} from './organization-types';
import type { Items } from './types';

/** Every organization and member query key starts with 'organizations': a change refreshes them together. */
export const organizationKeys = {
  all: ['organizations'] as const,
  roots: ['organizations', 'roots'] as const,
  inScope: (region: string) => ['organizations', 'in-scope', region] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
  members: (id: string) => ['organizations', 'members', id] as const,
  households: (id: string) => ['organizations', 'households', id] as const,
  memberSearch: (q: string) => ['organizations', 'member-search', q] as const,
  member: (id: string) => ['organizations', 'member', id] as const,
  myMember: ['organizations', 'my-member'] as const,
  enterprises: ['organizations', 'enterprises'] as const,
};

/** The most the server answers in one list. */
const MAX_LIMIT = 200;

/** The top organizations of the user's jurisdiction (those without a parent). */
export const rootOrganizationsQuery = queryOptions({
  queryKey: organizationKeys.roots,
  queryFn: () =>
    api<Items<Organization>>('GET', '/api/organizations', { query: { parentId: 'root' } }).then(
      (r) => r.items,
    ),
});

/** Organizations of the jurisdiction (or of one region of it), for pickers. */
export const organizationsInScopeQuery = (region = '') =>
  queryOptions({
    queryKey: organizationKeys.inScope(region),
    queryFn: () =>
      api<Items<Organization>>('GET', '/api/organizations', {
        query: { region, limit: MAX_LIMIT },
      }).then((r) => r.items),
  });

/** One organization with its children and history; the tree loads children through it too. */
export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: () => api<OrganizationDetail>('GET', `/api/organizations/${id}`),
    retry: false,
  });

export const organizationMembersQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.members(id),
    queryFn: () =>
      api<Items<OrganizationMember>>('GET', `/api/organizations/${id}/members`).then((r) => r.items),
  });

/** The households a warm group looks after, with their caring member. */
export const warmGroupHouseholdsQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.households(id),
    queryFn: () =>
      api<Items<WarmGroupHousehold>>('GET', `/api/organizations/${id}/households`).then((r) => r.items),
  });

/** Members in scope whose name, pinyin or initials start with q, for pickers. */
export const memberSearchQuery = (q: string) =>
  queryOptions({
    queryKey: organizationKeys.memberSearch(q),
    queryFn: ({ signal }) =>
      api<Items<MemberOption>>('GET', '/api/members', { query: { q, limit: 20 }, signal }).then(
        (r) => r.items,
      ),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });

export const memberQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.member(id),
    queryFn: () => api<MemberPage>('GET', `/api/members/${id}`),
    retry: false,
  });

/** The signed-in user's own member page, or null when the account is linked to no member. */
export const myMemberQuery = queryOptions({
  queryKey: organizationKeys.myMember,
  queryFn: async () => {
    try {
      return await api<MemberPage>('GET', '/api/me/member');
    } catch (error) {
      if (isApiError(error, 404)) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const enterprisesQuery = queryOptions({
  queryKey: organizationKeys.enterprises,
  queryFn: () =>
    api<Items<Enterprise>>('GET', '/api/enterprises', { query: { limit: MAX_LIMIT } }).then((r) => r.items),
});

/** Where an organization sits: its parent and exactly one anchor (a region or an enterprise). */
export interface Placement {
  parentId?: string | null;
  anchorRegionCode?: string;
  anchorEnterpriseId?: string;
}

export const createOrganization = (input: Placement & { kind: OrganizationKind; name: string }) =>
  api<Organization>('POST', '/api/organizations', { body: input });

export const moveOrganization = (id: string, placement: Placement) =>
  api<Organization>('POST', `/api/organizations/${id}/move`, { body: placement });

export const setLeader = (id: string, memberId: string) =>
  api<Organization>('PUT', `/api/organizations/${id}/leader`, { body: { memberId } });

/** Households by id, or a whole building entrance (building + unit). Answers how many were added. */
export type WarmGroupHouseholds = { householdIds: string[] } | { buildingCode: string; unit?: string };

export const addWarmGroupHouseholds = (id: string, households: WarmGroupHouseholds) =>
  api<{ added: number }>('POST', `/api/organizations/${id}/households`, { body: households }).then(
    (r) => r.added,
  );

export interface NewMember {
  organizationId: string;
  /** A resident of the register… */
  personId?: string;
  /** …or someone living outside the district. */
  person?: { name: string; idNumber: string; phone?: string };
  category: MemberCategory;
  status: MemberStatus;
  /** YYYY-MM-DD */
  joinedOn: string;
  post?: string;
}

export const createMember = (member: NewMember) => api<MemberPage>('POST', '/api/members', { body: member });

export interface NewEnterprise {
  name: string;
  creditCode: string;
  address?: string;
  regionCode: string;
}

export const createEnterprise = (enterprise: NewEnterprise) =>
  api<Enterprise>('POST', '/api/enterprises', { body: enterprise });
