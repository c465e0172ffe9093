import { useMutation, useQueryClient } from '@tanstack/react-query';
import { coverageKeys } from '../../api/coverage';
import { householdKeys } from '../../api/households';
import type { OrganizationKind } from '../../api/organization-types';
import {
  addWarmGroupHouseholds,
  createEnterprise,
  createMember,
  createOrganization,
  moveOrganization,
  type NewEnterprise,
  type NewMember,
  organizationKeys,
  type Placement,
  setLeader,
  type WarmGroupHouseholds,
} from '../../api/organizations';

/**
 * After a change the organization cache (tree, pages, pickers) refreshes; so do coverage and the
 * neighbour map, since members, leaders and warm groups decide who cares for which household.
 */
export function useRefreshOrganizations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
      queryClient.invalidateQueries({ queryKey: coverageKeys.all }),
      queryClient.invalidateQueries({ queryKey: householdKeys.all }),
    ]);
}

export function useCreateOrganization() {
  const refresh = useRefreshOrganizations();
  return useMutation({
    mutationFn: (input: Placement & { kind: OrganizationKind; name: string }) => createOrganization(input),
    onSuccess: refresh,
  });
}

export function useMoveOrganization(id: string) {
  const refresh = useRefreshOrganizations();
  return useMutation({
    mutationFn: (placement: Placement) => moveOrganization(id, placement),
    onSuccess: refresh,
  });
}

export function useSetLeader(id: string) {
  const refresh = useRefreshOrganizations();
  return useMutation({ mutationFn: (memberId: string) => setLeader(id, memberId), onSuccess: refresh });
}

export function useAddMember() {
  const refresh = useRefreshOrganizations();
  return useMutation({ mutationFn: (member: NewMember) => createMember(member), onSuccess: refresh });
}

export function useAddHouseholds(id: string) {
  const refresh = useRefreshOrganizations();
  return useMutation({
    mutationFn: (households: WarmGroupHouseholds) => addWarmGroupHouseholds(id, households),
    onSuccess: refresh,
  });
}

export function useCreateEnterprise() {
  const refresh = useRefreshOrganizations();
  return useMutation({
    mutationFn: (enterprise: NewEnterprise) => createEnterprise(enterprise),
    onSuccess: refresh,
  });
}
