import { KIND_RULES, ORGANIZATION_KINDS, type OrganizationKind } from '../../../shared/organization-rules';

/** The kinds that may be created under a parent (or at the top, for null), by the server's rules. */
export const childKindsOf = (parent: OrganizationKind | null): OrganizationKind[] =>
  ORGANIZATION_KINDS.filter((kind) => KIND_RULES[kind].parents.includes(parent));

/** Warm groups and volunteer teams have no members of their own (they hold no relationships). */
export const holdsMembers = (kind: OrganizationKind): boolean =>
  kind !== 'warm_group' && kind !== 'volunteer_team';
