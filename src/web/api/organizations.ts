import { queryOptions } from '@tanstack/react-query';
import {
  addedSchema,
  type CreateEnterpriseBody,
  type CreateMemberBody,
  type CreateOrganizationBody,
  enterpriseListSchema,
  enterpriseSummarySchema,
  type MoveOrganizationBody,
  memberOptionListSchema,
  memberPageSchema,
  organizationDetailSchema,
  organizationListSchema,
  organizationMemberListSchema,
  organizationSchema,
  warmGroupHouseholdListSchema,
} from '../../shared/api/organizations';
import { api, isApiError } from './client';

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
    api('GET', '/api/organizations', organizationListSchema, { query: { parentId: 'root' } }).then(
      (r) => r.items,
    ),
});

/** Organizations of the jurisdiction (or of one region of it), for pickers. */
export const organizationsInScopeQuery = (region = '') =>
  queryOptions({
    queryKey: organizationKeys.inScope(region),
    queryFn: () =>
      api('GET', '/api/organizations', organizationListSchema, {
        query: { region, limit: MAX_LIMIT },
      }).then((r) => r.items),
  });

/** One organization with its children and history; the tree loads children through it too. */
export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: () => api('GET', `/api/organizations/${id}`, organizationDetailSchema),
    retry: false,
  });

export const organizationMembersQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.members(id),
    queryFn: () =>
      api('GET', `/api/organizations/${id}/members`, organizationMemberListSchema).then((r) => r.items),
  });

/** The households a warm group looks after, with their caring member. */
export const warmGroupHouseholdsQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.households(id),
    queryFn: () =>
      api('GET', `/api/organizations/${id}/households`, warmGroupHouseholdListSchema).then((r) => r.items),
  });

/** Members in scope whose name, pinyin or initials start with q, for pickers. */
export const memberSearchQuery = (q: string) =>
  queryOptions({
    queryKey: organizationKeys.memberSearch(q),
    queryFn: ({ signal }) =>
      api('GET', '/api/members', memberOptionListSchema, { query: { q, limit: 20 }, signal }).then(
        (r) => r.items,
      ),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });

export const memberQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.member(id),
    queryFn: () => api('GET', `/api/members/${id}`, memberPageSchema),
    retry: false,
  });

/** The signed-in user's own member page, or null when the account is linked to no member. */
export const myMemberQuery = queryOptions({
  queryKey: organizationKeys.myMember,
  queryFn: async () => {
    try {
      return await api('GET', '/api/me/member', memberPageSchema);
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
    api('GET', '/api/enterprises', enterpriseListSchema, { query: { limit: MAX_LIMIT } }).then(
      (r) => r.items,
    ),
});

/** Where an organization sits: its parent and exactly one anchor (a region or an enterprise). */
export type Placement = MoveOrganizationBody;

export const createOrganization = (input: CreateOrganizationBody) =>
  api('POST', '/api/organizations', organizationSchema, { body: input });

export const moveOrganization = (id: string, placement: Placement) =>
  api('POST', `/api/organizations/${id}/move`, organizationSchema, { body: placement });

export const setLeader = (id: string, memberId: string) =>
  api('PUT', `/api/organizations/${id}/leader`, organizationSchema, { body: { memberId } });

/** Households by id, or a whole building entrance (building + unit). Answers how many were added. */
export type WarmGroupHouseholds = { householdIds: string[] } | { buildingCode: string; unit?: string };

export const addWarmGroupHouseholds = (id: string, households: WarmGroupHouseholds) =>
  api('POST', `/api/organizations/${id}/households`, addedSchema, { body: households }).then((r) => r.added);

export type NewMember = CreateMemberBody;

export const createMember = (member: NewMember) =>
  api('POST', '/api/members', memberPageSchema, { body: member });

export type NewEnterprise = CreateEnterpriseBody;

export const createEnterprise = (enterprise: NewEnterprise) =>
  api('POST', '/api/enterprises', enterpriseSummarySchema, { body: enterprise });
