import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { addMonths } from './dues-rules.js';
import type { DuesBaseTable, DuesPaymentTable } from './funds.tables.js';

export type DuesBaseRow = Selectable<DuesBaseTable>;
export type DuesPaymentRow = Selectable<DuesPaymentTable>;

/** What dues need of a member: where they belong, when they joined, their name. */
const memberColumns = [
  'members.id',
  'members.district_code',
  'members.region_code',
  'members.organization_id',
  'members.user_id',
  'members.joined_on',
  'members.status',
  'persons.name',
  'organizations.name as organization_name',
] as const;

/** Dues bases, payments and arrears alerts, with the members they concern. Only this file queries them. */
export const duesRepository = {
  memberInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .select(memberColumns)
      .where('members.id', '=', id)
      .where(scope.covers('members.region_code'))
      .executeTakeFirst(),

  memberOfUser: (db: Executor, userId: string) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .select(memberColumns)
      .where('members.user_id', '=', userId)
      .executeTakeFirst(),

  bases: (db: Executor, memberId: string): Promise<DuesBaseRow[]> =>
    db
      .selectFrom('dues_bases')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  insertBase: async (db: Executor, row: Insertable<DuesBaseTable>): Promise<void> => {
    await db.insertInto('dues_bases').values(row).execute();
  },

  payments: (db: Executor, memberId: string): Promise<DuesPaymentRow[]> =>
    db
      .selectFrom('dues_payments')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('month', 'desc')
      .execute(),

  insertPayments: async (db: Executor, rows: Insertable<DuesPaymentTable>[]): Promise<void> => {
    await db.insertInto('dues_payments').values(rows).execute();
  },

  /**
   * Members in scope (optionally of one organization) in arrears: nothing paid since before
   * `sinceBefore` (their latest paid month is earlier, or none) and a member already then. By id, a page.
   */
  arrears: (
    db: Executor,
    scope: Scope,
    filter: {
      organizationId?: string | undefined;
      sinceBefore: string;
      after?: string | undefined;
      limit: number;
    },
  ) => {
    const lastPaid = sql<
      string | null
    >`(select max(p.month) from dues_payments p where p.member_id = members.id)`;
    // Dues are kept from a member's first base on: months before it (before the platform kept this
    // member's dues) are no arrears, and a member without a base is not in arrears at all.
    const keptFrom = sql<
      string | null
    >`(select min(b.effective_month) from dues_bases b where b.member_id = members.id)`;
    let query = db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .select([...memberColumns, lastPaid.as('last_paid'), keptFrom.as('kept_from')])
      .where(scope.covers('members.region_code'))
      .where('members.joined_on', '<', `${addMonths(filter.sinceBefore, 1)}-01`)
      .where(sql<boolean>`${keptFrom} <= ${filter.sinceBefore}`)
      .where(sql<boolean>`coalesce(${lastPaid}, '0000-00') < ${filter.sinceBefore}`);
    if (filter.organizationId) query = query.where('members.organization_id', '=', filter.organizationId);
    if (filter.after) query = query.where('members.id', '>', filter.after);
    return query.orderBy('members.id').limit(filter.limit).execute();
  },

  /** The districts that have members (the hourly arrears alert runs over each). */
  districts: async (db: Executor): Promise<string[]> =>
    (await db.selectFrom('members').select('district_code').distinct().execute()).map((r) => r.district_code),

  alerted: async (db: Executor, memberId: string, sinceMonth: string): Promise<boolean> =>
    (await db
      .selectFrom('dues_arrears_alerts')
      .select('member_id')
      .where('member_id', '=', memberId)
      .where('since_month', '=', sinceMonth)
      .executeTakeFirst()) !== undefined,

  insertAlert: async (
    db: Executor,
    row: { district_code: string; member_id: string; since_month: string; alerted_at: string },
  ): Promise<void> => {
    await db.insertInto('dues_arrears_alerts').values(row).execute();
  },

  /**
   * Who hears of a branch's arrears: its leader (书记) when they have an account, else the active
   * secretaries assigned at the organization's region.
   */
  secretariesOf: async (db: Executor, organizationId: string): Promise<string[]> => {
    const leader = await db
      .selectFrom('organizations')
      .innerJoin('members', 'members.id', 'organizations.leader_member_id')
      .select(['members.user_id', 'organizations.region_code'])
      .where('organizations.id', '=', organizationId)
      .executeTakeFirst();
    if (leader?.user_id) return [leader.user_id];
    const org = await db
      .selectFrom('organizations')
      .select('region_code')
      .where('id', '=', organizationId)
      .executeTakeFirst();
    if (!org) return [];
    const rows = await db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('role_assignments.user_id')
      .distinct()
      .where('role_assignments.region_code', '=', org.region_code)
      .where('role_assignments.role', '=', 'secretary')
      .where('users.status', '=', 'active')
      .limit(20)
      .execute();
    return rows.map((r) => r.user_id);
  },
};
