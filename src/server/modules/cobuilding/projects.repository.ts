import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ProjectStatus } from '../../../shared/api/cobuilding.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { ProjectEnterpriseTable, ProjectOrganizationTable, ProjectTable } from './cobuilding.tables.js';

export type ProjectRow = Selectable<ProjectTable> & {
  enterprises: number | string;
  covered: number | string;
  organizations: number | string;
};

/** The most projects a list answers (a district has a few hundred). */
export const PROJECT_LIST_LIMIT = 1000;

const withCounts = (db: Executor) =>
  db
    .selectFrom('projects as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('project_enterprises as pe')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('pe.project_id', '=', 'p.id')
        .whereRef('pe.district_code', '=', 'p.district_code')
        .as('enterprises'),
      eb
        .selectFrom('project_enterprises as pe')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('pe.project_id', '=', 'p.id')
        .whereRef('pe.district_code', '=', 'p.district_code')
        .where('pe.covering_organization_id', 'is not', null)
        .as('covered'),
      eb
        .selectFrom('project_organizations as po')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('po.project_id', '=', 'p.id')
        .whereRef('po.district_code', '=', 'p.district_code')
        .as('organizations'),
    ]);

/** 大项目 and their links. Only this file touches their tables. */
export const projectsRepository = {
  insert: async (db: Executor, row: Insertable<ProjectTable>) => {
    await db.insertInto('projects').values(row).execute();
  },

  update: async (db: Executor, id: string, changes: Updateable<ProjectTable>) => {
    await db.updateTable('projects').set(changes).where('id', '=', id).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<ProjectRow | undefined> =>
    withCounts(db).where('p.id', '=', id).where(scope.covers('p.region_code')).executeTakeFirst() as Promise<
      ProjectRow | undefined
    >,

  list: (db: Executor, scope: Scope, status: ProjectStatus | undefined): Promise<ProjectRow[]> => {
    let query = withCounts(db).where(scope.covers('p.region_code'));
    if (status) query = query.where('p.status', '=', status);
    return query
      .orderBy('p.started_on', 'desc')
      .orderBy('p.id')
      .limit(PROJECT_LIST_LIMIT)
      .execute() as Promise<ProjectRow[]>;
  },

  enterprises: (db: Executor, projectId: string) =>
    db
      .selectFrom('project_enterprises as pe')
      // With the outer join below, Citus needs every join within the district (one shard).
      .innerJoin('enterprises as e', (join) =>
        join.onRef('e.id', '=', 'pe.enterprise_id').onRef('e.district_code', '=', 'pe.district_code'),
      )
      .leftJoin('organizations as o', (join) =>
        join
          .onRef('o.id', '=', 'pe.covering_organization_id')
          .onRef('o.district_code', '=', 'pe.district_code'),
      )
      .select([
        'pe.project_id',
        'pe.enterprise_id',
        'pe.covering_organization_id',
        'pe.follow_up_order_id',
        'pe.follow_up_order_number',
        'e.name',
        'e.credit_code',
        'e.region_code',
        'o.name as organization_name',
      ])
      .where('pe.project_id', '=', projectId)
      .orderBy('e.name')
      .execute(),

  organizations: (db: Executor, projectId: string) =>
    db
      .selectFrom('project_organizations as po')
      .innerJoin('organizations as o', 'o.id', 'po.organization_id')
      .select(['po.organization_id', 'o.name', 'o.kind', 'o.region_code'])
      .where('po.project_id', '=', projectId)
      .orderBy('o.name')
      .execute(),

  enterpriseLink: (db: Executor, projectId: string, enterpriseId: string) =>
    db
      .selectFrom('project_enterprises')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('enterprise_id', '=', enterpriseId)
      .executeTakeFirst(),

  addEnterprise: async (db: Executor, row: Insertable<ProjectEnterpriseTable>) => {
    await db.insertInto('project_enterprises').values(row).execute();
  },

  organizationLink: (db: Executor, projectId: string, organizationId: string) =>
    db
      .selectFrom('project_organizations')
      .select('organization_id')
      .where('project_id', '=', projectId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst(),

  addOrganization: async (db: Executor, row: Insertable<ProjectOrganizationTable>) => {
    await db.insertInto('project_organizations').values(row).execute();
  },

  /** The organization covers exactly `enterpriseIds` of the project (none it covered before stay). */
  async setCoverage(
    db: Executor,
    projectId: string,
    organizationId: string,
    enterpriseIds: readonly string[],
  ) {
    await db
      .updateTable('project_enterprises')
      .set({ covering_organization_id: null })
      .where('project_id', '=', projectId)
      .where('covering_organization_id', '=', organizationId)
      .execute();
    if (enterpriseIds.length > 0)
      await db
        .updateTable('project_enterprises')
        .set({ covering_organization_id: organizationId })
        .where('project_id', '=', projectId)
        .where('enterprise_id', 'in', [...enterpriseIds])
        .execute();
  },

  /** Records the follow-up order unless one was recorded meanwhile (answers whether it did). */
  async setFollowUp(
    db: Executor,
    projectId: string,
    enterpriseId: string,
    order: { id: string; number: string },
  ) {
    const result = await db
      .updateTable('project_enterprises')
      .set({ follow_up_order_id: order.id, follow_up_order_number: order.number })
      .where('project_id', '=', projectId)
      .where('enterprise_id', '=', enterpriseId)
      .where('follow_up_order_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Enterprises of projects in scope that no organization covers, by project and enterprise name. */
  uncovered: (db: Executor, scope: Scope, limit: number) =>
    db
      .selectFrom('project_enterprises as pe')
      .innerJoin('projects as p', 'p.id', 'pe.project_id')
      .innerJoin('enterprises as e', 'e.id', 'pe.enterprise_id')
      .select([
        'pe.project_id',
        'pe.enterprise_id',
        'pe.follow_up_order_id',
        'pe.follow_up_order_number',
        'p.name as project_name',
        'p.region_code as project_region_code',
        'e.name',
        'e.credit_code',
        'e.region_code',
      ])
      .where(scope.covers('pe.region_code'))
      .where('pe.covering_organization_id', 'is', null)
      .orderBy('p.name')
      .orderBy('e.name')
      .orderBy('pe.enterprise_id')
      .limit(limit)
      .execute(),

  async coverageCounts(db: Executor, scope: Scope) {
    const projects = await db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.covers('projects.region_code'))
      .executeTakeFirstOrThrow();
    const links = await db
      .selectFrom('project_enterprises')
      .select((eb) => [
        eb.fn.count<number>('enterprise_id').distinct().as('enterprises'),
        eb.fn.count<number>('covering_organization_id').as('links_covered'),
      ])
      .where(scope.covers('project_enterprises.region_code'))
      .executeTakeFirstOrThrow();
    const covered = await db
      .selectFrom('project_enterprises')
      .select((eb) => eb.fn.count<number>('enterprise_id').distinct().as('n'))
      .where(scope.covers('project_enterprises.region_code'))
      .where('covering_organization_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const organizations = await db
      .selectFrom('project_organizations')
      .select((eb) => eb.fn.count<number>('organization_id').distinct().as('n'))
      .where(scope.covers('project_organizations.region_code'))
      .executeTakeFirstOrThrow();
    return {
      projects: Number(projects.n),
      enterprises: Number(links.enterprises),
      covered: Number(covered.n),
      organizations: Number(organizations.n),
    };
  },
};
