import { describe, expect, it } from 'vitest';
import type { Me, Permission, RoleName } from '../../api/types';
import { landingOf } from './landing';

const PERMISSIONS: Record<RoleName, Permission[]> = {
  district_admin: ['cockpit.read', 'audit.read', 'workorder.intake', 'region.read'],
  secretary: ['cockpit.read', 'workorder.intake', 'region.read'],
  grid_worker: ['cockpit.read', 'workorder.intake', 'workorder.handle', 'region.read'],
  hotline_operator: ['workorder.intake', 'region.read'],
  member: ['region.read'],
  auditor: ['cockpit.read', 'audit.read', 'region.read'],
  timebank_clerk: ['timebank.redeem'],
} as Record<RoleName, Permission[]>;

function user(roles: RoleName[], isMember = false): Me {
  const permissions: Me['permissions'] = {};
  for (const role of roles) for (const p of PERMISSIONS[role] ?? []) permissions[p] = ['230108'];
  return {
    id: 'u',
    username: 'u',
    displayName: 'u',
    status: 'active',
    regionCode: '230108',
    createdAt: '',
    roles: roles.map((role, i) => ({ id: String(i), role, regionCode: '230108', regionName: '平房区' })),
    permissions,
    isMember,
    passwordChangeRequired: false,
  };
}

describe('landingOf: each role lands where its work is', () => {
  it.each([
    [['district_admin'], false, '/cockpit'],
    [['secretary'], false, '/cockpit'],
    [['hotline_operator'], false, '/console'],
    [['auditor'], false, '/audit'],
    [['grid_worker'], false, null],
    [['member'], true, '/me'],
    // A member's account not (yet) linked to a member has no own page to open.
    [['member'], false, null],
    // Several roles: the one that steers most decides.
    [['hotline_operator', 'secretary'], false, '/cockpit'],
    [['timebank_clerk'], false, '/timebank/clerk'],
    // A secretary who also keeps the shop steers first.
    [['timebank_clerk', 'secretary'], false, '/cockpit'],
    [['grid_worker', 'member'], true, null],
    [[], true, '/me'],
  ] as [RoleName[], boolean, string | null][])('%j (member: %s) → %s', (roles, isMember, expected) => {
    expect(landingOf(user(roles, isMember))).toBe(expected);
  });
  it('sends a grid worker on a phone to the phone home, and nobody else', () => {
    expect(landingOf(user(['grid_worker']), true)).toBe('/home');
    expect(landingOf(user(['grid_worker', 'member'], true), true)).toBe('/home');
    expect(landingOf(user(['secretary']), true)).toBe('/cockpit');
    expect(landingOf(user(['member'], true), true)).toBe('/me');
  });
});
