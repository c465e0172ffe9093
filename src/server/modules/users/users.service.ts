import { v7 as uuidv7 } from 'uuid';
import { checkPasswordPolicy } from '../../../shared/password-policy.js';
import { districtOf } from '../../../shared/region-code.js';
import { AccountAuthority } from '../../auth/account-authority.js';
import type { RoleName } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { RoleAssignment, User } from '../../db/tables.js';
import { DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { hashPassword, sessionsRepository } from '../auth/index.js';
import { organizationsRepository } from '../organizations/index.js';
import { regionsRepository } from '../regions/index.js';
import { usersRepository } from './users.repository.js';

export interface NewUserInput {
  username: string;
  password: string;
  displayName: string;
  /** The region that owns the account; defaults to the first root of the creator's scope. */
  regionCode?: string | undefined;
  /**
   * Whether the owner must change the password at first sign-in: true whenever someone else chose
   * it (an administrator, the CLI). Only accounts whose password is meant to stay as given (the
   * demo's published visitor accounts, test fixtures) pass false. Required so that no caller
   * forgets to decide.
   */
  mustChangePassword: boolean;
}

export interface UserWithRoles {
  user: User;
  roles: (RoleAssignment & { region_name: string })[];
}

/**
 * Who acts on accounts: a signed-in manager (routes pass their `AccountAuthority`), or a plain
 * scope for the server console, bootstrap and seeding, which act with every permission in it.
 */
export type AccountManager = AccountAuthority | Scope;

const authorityOf = (manager: AccountManager): AccountAuthority =>
  manager instanceof AccountAuthority ? manager : AccountAuthority.system(manager);

function assertPasswordPolicy(password: string, field: string, username?: string): void {
  const problem = checkPasswordPolicy(password, username === undefined ? {} : { username });
  if (problem) throw fieldError(field, `password.${problem}`);
}

export class UsersService {
  constructor(private readonly ctx: ServiceContext) {}

  private async withRoles(users: User[]): Promise<UserWithRoles[]> {
    const { db } = this.ctx.database;
    const assignments = await usersRepository.assignmentsOf(
      db,
      users.map((u) => u.id),
    );
    const names = await regionsRepository.namesOf(db, [...new Set(assignments.map((a) => a.region_code))]);
    return users.map((user) => ({
      user,
      roles: assignments
        .filter((a) => a.user_id === user.id)
        .map((a) => ({ ...a, region_name: names.get(a.region_code) ?? a.region_code })),
    }));
  }

  /**
   * The account a manager is about to change, or why not. An account whose home lies outside the
   * manager's scope does not exist for them (404), as everywhere else outside one's scope. An
   * account whose home lies inside it is listed and readable (`user.read` shows it), so denying
   * its existence would contradict what the manager has just seen: when it holds a role the
   * manager could not grant, the answer is 403 — "you may not", which reveals nothing new.
   */
  private async manageableAccount(trx: Executor, authority: AccountAuthority, id: string): Promise<User> {
    const user = await usersRepository.findInScope(trx, authority.scope, id);
    if (!user) throw notFound('user.not_found');
    const roles = await usersRepository.assignmentsOf(trx, [id]);
    if (!authority.mayManage(user, roles)) throw new DomainError('user.not_manageable', 403);
    return user;
  }

  async list(
    scope: Scope,
    filter: { q?: string; status?: 'active' | 'disabled'; limit: number; after?: string },
  ) {
    const users = await usersRepository.listInScope(this.ctx.database.db, scope, filter);
    return this.withRoles(users);
  }

  async get(scope: Scope, id: string): Promise<UserWithRoles> {
    const user = await usersRepository.findInScope(this.ctx.database.db, scope, id);
    if (!user) throw notFound('user.not_found');
    const [withRoles] = await this.withRoles([user]);
    return withRoles!;
  }

  /**
   * Whether the signed-in caller may manage each account they can see: lists and pages offer
   * management only where the service would allow it (their `user.manage` scope and roles).
   */
  manageabilityFor(principal: Principal): (account: UserWithRoles) => boolean {
    const authority = AccountAuthority.ofManager(principal.scopeFor('user.manage'), principal);
    return ({ user, roles }) => authority.mayManage(user, roles);
  }

  /** Used for the caller's own profile, which needs no scope. */
  async describe(user: User): Promise<UserWithRoles> {
    const [withRoles] = await this.withRoles([user]);
    return withRoles!;
  }

  /** The signed-in user as they see themselves: with their roles and whether they are a party member. */
  async describeSelf(user: User): Promise<{ withRoles: UserWithRoles; isMember: boolean }> {
    const [withRoles, member] = await Promise.all([
      this.describe(user),
      organizationsRepository.memberOfUser(this.ctx.database.db, user.id),
    ]);
    return { withRoles, isMember: member !== undefined };
  }

  async create(scope: Scope, input: NewUserInput, actor: AuditActor): Promise<UserWithRoles> {
    const { db } = this.ctx.database;
    const username = input.username.trim().toLowerCase();
    assertPasswordPolicy(input.password, 'password', username);
    const regionCode = input.regionCode ?? scope.roots[0];
    if (
      !regionCode ||
      !scope.includes(regionCode) ||
      !(await regionsRepository.findUnscoped(db, regionCode))
    ) {
      throw new DomainError('region.not_found', 404, { code: regionCode ?? '' });
    }
    const passwordHash = await hashPassword(input.password);
    const now = this.ctx.now().toISOString();
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      if (await usersRepository.findByUsername(trx, username)) {
        throw new DomainError('user.duplicate_username', 409, { username }, [
          { path: 'username', code: 'user.duplicate_username', params: { username } },
        ]);
      }
      await usersRepository.insert(trx, {
        id,
        username,
        password_hash: passwordHash,
        display_name: input.displayName.trim(),
        status: 'active',
        region_code: regionCode,
        district_code: districtOf(regionCode),
        password_changed_at: now,
        password_change_required: input.mustChangePassword ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        regionCode,
        summary: {
          username,
          displayName: input.displayName.trim(),
          passwordChangeRequired: input.mustChangePassword,
        },
      });
    });
    return this.get(scope, id);
  }

  async update(
    manager: AccountManager,
    id: string,
    changes: { displayName?: string | undefined; status?: 'active' | 'disabled' | undefined },
    actor: AuditActor,
  ): Promise<UserWithRoles> {
    const { db } = this.ctx.database;
    const authority = authorityOf(manager);
    await db.transaction().execute(async (trx) => {
      const user = await this.manageableAccount(trx, authority, id);
      if (changes.status === 'disabled' && user.id === actor.id) {
        throw new DomainError('user.cannot_disable_self', 409);
      }
      const now = this.ctx.now().toISOString();
      await usersRepository.update(trx, id, {
        ...(changes.displayName !== undefined ? { display_name: changes.displayName.trim() } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        updated_at: now,
      });
      // A disabled account must stop working at once, not when its sessions time out.
      const ended = changes.status === 'disabled' ? await sessionsRepository.deleteAllOfUser(trx, id) : 0;
      await this.ctx.audit.append(trx, actor, {
        action: 'user.updated',
        targetType: 'user',
        targetId: id,
        regionCode: user.region_code,
        summary: {
          before: { displayName: user.display_name, status: user.status },
          after: {
            displayName: changes.displayName ?? user.display_name,
            status: changes.status ?? user.status,
          },
          sessionsEnded: ended,
        },
      });
    });
    return this.get(authority.scope, id);
  }

  /**
   * An administrator sets a new password (e.g. the user forgot theirs); all sessions end, and the
   * owner must change it at their next sign-in, since someone else now knows it.
   */
  async resetPassword(
    manager: AccountManager,
    id: string,
    password: string,
    actor: AuditActor,
  ): Promise<void> {
    assertPasswordPolicy(password, 'password');
    const passwordHash = await hashPassword(password);
    const { db } = this.ctx.database;
    const authority = authorityOf(manager);
    await db.transaction().execute(async (trx) => {
      const user = await this.manageableAccount(trx, authority, id);
      assertPasswordPolicy(password, 'password', user.username);
      const now = this.ctx.now().toISOString();
      await usersRepository.update(trx, id, {
        password_hash: passwordHash,
        password_changed_at: now,
        password_change_required: 1,
        updated_at: now,
      });
      const ended = await sessionsRepository.deleteAllOfUser(trx, id);
      await this.ctx.audit.append(trx, actor, {
        action: 'user.password_reset',
        targetType: 'user',
        targetId: id,
        regionCode: user.region_code,
        summary: { sessionsEnded: ended, passwordChangeRequired: true },
      });
    });
  }

  async endSessions(manager: AccountManager, id: string, actor: AuditActor): Promise<number> {
    const { db } = this.ctx.database;
    const authority = authorityOf(manager);
    return db.transaction().execute(async (trx) => {
      const user = await this.manageableAccount(trx, authority, id);
      const ended = await sessionsRepository.deleteAllOfUser(trx, id);
      await this.ctx.audit.append(trx, actor, {
        action: 'user.sessions_ended',
        targetType: 'user',
        targetId: id,
        regionCode: user.region_code,
        summary: { sessionsEnded: ended },
      });
      return ended;
    });
  }

  /**
   * Grants a role in a region: the user must be one the granter manages, the region must lie inside
   * the granter's scope, and the role must give no more than the granter holds there.
   */
  async assignRole(
    manager: AccountManager,
    userId: string,
    input: { role: RoleName; regionCode: string },
    actor: AuditActor,
  ): Promise<RoleAssignment> {
    const { db } = this.ctx.database;
    const authority = authorityOf(manager);
    return db.transaction().execute(async (trx) => {
      await this.manageableAccount(trx, authority, userId);
      const region = authority.scope.coversSubtree(input.regionCode)
        ? await regionsRepository.findUnscoped(trx, input.regionCode)
        : undefined;
      if (!region) throw notFound('region.not_found', { code: input.regionCode });
      if (!authority.mayGrant(input.role, region.code)) {
        throw new DomainError('user.role_not_grantable', 403, { role: input.role });
      }
      if (await usersRepository.findSameAssignment(trx, userId, input.role, input.regionCode)) {
        throw new DomainError('user.duplicate_role', 409);
      }
      const assignment: RoleAssignment = {
        id: uuidv7(),
        user_id: userId,
        role: input.role,
        region_code: region.code,
        district_code: region.district_code,
        created_at: this.ctx.now().toISOString(),
      };
      await usersRepository.insertAssignment(trx, assignment);
      await this.ctx.audit.append(trx, actor, {
        action: 'user.role_assigned',
        targetType: 'user',
        targetId: userId,
        regionCode: region.code,
        summary: { role: input.role, regionCode: region.code, regionName: region.name },
      });
      return assignment;
    });
  }

  async removeRole(
    manager: AccountManager,
    userId: string,
    assignmentId: string,
    actor: AuditActor,
  ): Promise<void> {
    const { db } = this.ctx.database;
    const authority = authorityOf(manager);
    await db.transaction().execute(async (trx) => {
      // Outside the scope the account, and so its roles, do not exist.
      if (!(await usersRepository.findInScope(trx, authority.scope, userId)))
        throw notFound('user.role_not_found');
      await this.manageableAccount(trx, authority, userId);
      const assignment = await usersRepository.findAssignment(trx, userId, assignmentId);
      if (!assignment) throw notFound('user.role_not_found');
      // An administrator removing their own admin role would lock themselves out of this screen.
      if (userId === actor.id && assignment.role === 'district_admin') {
        throw new DomainError('user.cannot_remove_own_admin', 409);
      }
      await usersRepository.deleteAssignment(trx, assignmentId);
      await this.ctx.audit.append(trx, actor, {
        action: 'user.role_removed',
        targetType: 'user',
        targetId: userId,
        regionCode: assignment.region_code,
        summary: { role: assignment.role, regionCode: assignment.region_code },
      });
    });
  }
}
