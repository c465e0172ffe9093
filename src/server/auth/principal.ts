import type { Dialect } from '../db/database.js';
import type { RoleAssignment, User } from '../db/tables.js';
import type { AuditActor } from '../modules/audit/index.js';
import type { Permission } from './permissions.js';
import { Scope, scopeOf } from './scope.js';

/**
 * The signed-in staff member of one request: who they are, their role assignments, where each
 * permission holds for them, and how they appear in audit rows. Built once per request by
 * access control (`request.principal`); every staff route and service takes it instead of
 * working scope out for itself. Residents of the portal and Open311 clients are not principals.
 */
export interface Principal {
  readonly user: User;
  readonly userId: string;
  readonly sessionId: string;
  readonly assignments: readonly RoleAssignment[];
  readonly actor: StaffActor;
  /**
   * Where the route's declared permission holds. Empty on 'authenticated' routes: they declare
   * none, and their services ask `scopeFor` for the permission they need.
   */
  readonly scope: Scope;
  /** Where a permission holds for this user; computed once per permission and request. */
  scopeFor(permission: Permission): Scope;
}

/** A staff member always has an id in audit rows. */
export type StaffActor = AuditActor & { id: string };

class StaffPrincipal implements Principal {
  readonly userId: string;
  readonly scope: Scope;
  private readonly scopes = new Map<Permission, Scope>();

  constructor(
    readonly user: User,
    readonly sessionId: string,
    readonly assignments: readonly RoleAssignment[],
    readonly actor: StaffActor,
    private readonly dialect: Dialect,
    routePermission: Permission | null,
  ) {
    this.userId = user.id;
    this.scope = routePermission ? this.scopeFor(routePermission) : new Scope([], dialect);
  }

  scopeFor(permission: Permission): Scope {
    let scope = this.scopes.get(permission);
    if (!scope) {
      scope = scopeOf(this.assignments, permission, this.dialect);
      this.scopes.set(permission, scope);
    }
    return scope;
  }
}

export function principalOf(options: {
  user: User;
  sessionId: string;
  assignments: readonly RoleAssignment[];
  actor: StaffActor;
  dialect: Dialect;
  /** The route's declared permission; null for 'authenticated' routes. */
  routePermission: Permission | null;
}): Principal {
  return new StaffPrincipal(
    options.user,
    options.sessionId,
    options.assignments,
    options.actor,
    options.dialect,
    options.routePermission,
  );
}
