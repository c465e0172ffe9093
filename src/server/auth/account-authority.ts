import { isRoleName, type Permission, ROLE_PERMISSIONS } from './permissions.js';
import type { Scope } from './scope.js';

interface Assignment {
  role: string;
  region_code: string;
}

/**
 * What a manager of accounts may do to other accounts. Managing an account is as strong as holding
 * its roles (a new password logs you in as it), so:
 *
 * - a role may be granted in a region only if that region lies inside the manager's `user.manage`
 *   scope AND the manager holds every permission of that role there (no one grants more power than
 *   they have);
 * - an account may be acted on only if its home region lies inside the manager's scope AND every
 *   role it holds is one the manager could have granted. A street admin therefore cannot reset the
 *   password of, disable, log out, edit or re-role an account that holds any role above or beside
 *   the street, even when the account's home lies in the street.
 */
export class AccountAuthority {
  private constructor(
    /** Where the manager may manage accounts (`user.manage`). */
    readonly scope: Scope,
    /** Whether the manager holds a permission over a whole region's subtree. */
    private readonly holds: (permission: Permission, regionCode: string) => boolean,
    /** Whether roles unknown to this version may be granted (only the console may). */
    private readonly trustsUnknownRoles: boolean,
  ) {}

  /**
   * A signed-in manager: `scope` is their `user.manage` scope; `holder` (the principal) says
   * where each permission holds for them, from all their roles.
   */
  static ofManager(scope: Scope, holder: { scopeFor(permission: Permission): Scope }): AccountAuthority {
    return new AccountAuthority(
      scope,
      (permission, regionCode) => holder.scopeFor(permission).includes(regionCode),
      false,
    );
  }

  /**
   * The server console (`lianxin users`), bootstrap and seeding: whoever runs them owns the
   * installation, so they hold every permission across `scope`.
   */
  static system(scope: Scope): AccountAuthority {
    return new AccountAuthority(scope, (_permission, regionCode) => scope.includes(regionCode), true);
  }

  mayGrant(role: string, regionCode: string): boolean {
    if (!this.scope.coversSubtree(regionCode)) return false;
    if (!isRoleName(role)) return this.trustsUnknownRoles;
    return ROLE_PERMISSIONS[role].every((permission) => this.holds(permission, regionCode));
  }

  mayManage(account: { region_code: string }, roles: readonly Assignment[]): boolean {
    return (
      this.scope.includes(account.region_code) && roles.every((r) => this.mayGrant(r.role, r.region_code))
    );
  }
}
