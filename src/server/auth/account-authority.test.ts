import { describe, expect, it } from 'vitest';
import { AccountAuthority } from './account-authority.js';
import type { Permission } from './permissions.js';
import { Scope, scopeOf } from './scope.js';

const holding = (assignments: { role: string; region_code: string }[]) => ({
  scopeFor: (permission: Permission) => scopeOf(assignments, permission, 'sqlite'),
});

describe('AccountAuthority', () => {
  const street = new Scope(['230108002'], 'sqlite');

  it('grants only roles whose every permission the manager holds there', () => {
    // A manager whose only role is secretary (were user.manage ever given to it) could hand out
    // a grid worker's role, which is a subset of theirs, but not a district admin's.
    const secretary = AccountAuthority.ofManager(
      street,
      holding([{ role: 'secretary', region_code: '230108002' }]),
    );
    expect(secretary.mayGrant('grid_worker', '230108002001')).toBe(true);
    expect(secretary.mayGrant('district_admin', '230108002001')).toBe(false);
    expect(secretary.mayGrant('auditor', '230108002001')).toBe(false);
    expect(secretary.mayGrant('grid_worker', '230108001')).toBe(false);
    expect(secretary.mayGrant('emperor', '230108002001')).toBe(false);
  });

  it('manages an account only if its home and every role lie where the manager could grant them', () => {
    const admin = AccountAuthority.ofManager(
      street,
      holding([{ role: 'district_admin', region_code: '230108002' }]),
    );
    const home = { region_code: '230108002001' };
    expect(admin.mayManage(home, [{ role: 'district_admin', region_code: '230108002' }])).toBe(true);
    expect(admin.mayManage(home, [{ role: 'district_admin', region_code: '230108' }])).toBe(false);
    expect(
      admin.mayManage(home, [
        { role: 'grid_worker', region_code: '230108002001' },
        { role: 'secretary', region_code: '230108001002' },
      ]),
    ).toBe(false);
    expect(admin.mayManage({ region_code: '230108001' }, [])).toBe(false);
  });

  it('lets the server console act on everything in its scope', () => {
    const system = AccountAuthority.system(new Scope(['230108'], 'sqlite'));
    expect(system.mayGrant('district_admin', '230108')).toBe(true);
    expect(
      system.mayManage({ region_code: '230108' }, [{ role: 'legacy_role', region_code: '230108' }]),
    ).toBe(true);
    expect(system.mayGrant('district_admin', '230109')).toBe(false);
  });
});
