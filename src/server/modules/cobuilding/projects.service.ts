import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  COVERAGE_FOLLOW_UP_CATEGORY,
  type createProjectBody,
  type followUpBody,
  type ProjectStatus,
  type projectOrganizationBody,
  type updateProjectBody,
} from '../../../shared/api/cobuilding.js';
import { districtOf, regionAt } from '../../../shared/region-code.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { cobuildingPartiesRepository as parties } from './cobuilding-parties.repository.js';
import { projectsRepository as projects } from './projects.repository.js';

/** The most uncovered enterprises a coverage answer lists. */
const UNCOVERED_LIMIT = 500;

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/**
 * 大项目: projects settled in the district, their enterprises (many-to-many) and the organizations
 * set up in them, each covering some of the project's enterprises; the coverage list (enterprises
 * in projects no organization covers) and its one-click follow-up, a work order to the street.
 */
export class ProjectsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly intake: WorkOrderIntake,
  ) {}

  async create(scope: Scope, input: z.output<typeof createProjectBody>, actor: AuditActor) {
    const { db } = this.ctx.database;
    const region = await parties.region(db, scope, input.regionCode);
    if (!region) throw fieldError('regionCode', 'cobuilding.unknown_region');
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await projects.insert(trx, {
        id,
        district_code: districtOf(region.code),
        region_code: region.code,
        name: input.name,
        site: input.site,
        started_on: input.startedOn,
        status: input.status,
        note: input.note,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.project_created',
        targetType: 'project',
        targetId: id,
        regionCode: region.code,
        summary: { name: input.name, status: input.status },
      });
    });
    return this.detail(scope, id);
  }

  async update(scope: Scope, id: string, input: z.output<typeof updateProjectBody>, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await projects.findInScope(trx, scope, id);
      if (!row) throw notFound('cobuilding.project_not_found');
      await projects.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.site !== undefined ? { site: input.site } : {}),
        ...(input.startedOn !== undefined ? { started_on: input.startedOn } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.project_updated',
        targetType: 'project',
        targetId: id,
        regionCode: row.region_code,
        summary: { from: { status: row.status }, to: input },
      });
    });
    return this.detail(scope, id);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const row = await projects.findInScope(db, scope, id);
    if (!row) throw notFound('cobuilding.project_not_found');
    const names = await parties.regionNames(db, [row.region_code]);
    return {
      row,
      regionName: names.get(row.region_code) ?? row.region_code,
      enterprises: await projects.enterprises(db, id),
      organizations: await projects.organizations(db, id),
    };
  }

  async list(scope: Scope, region: string | undefined, status: ProjectStatus | undefined) {
    const { db } = this.ctx.database;
    const rows = await projects.list(db, await this.narrowed(scope, region), status);
    const names = await parties.regionNames(
      db,
      rows.map((r) => r.region_code),
    );
    return rows.map((row) => ({ row, regionName: names.get(row.region_code) ?? row.region_code }));
  }

  async addEnterprise(scope: Scope, id: string, enterpriseId: string, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await projects.findInScope(trx, scope, id);
      if (!row) throw notFound('cobuilding.project_not_found');
      const enterprise = await parties.enterprise(trx, scope, enterpriseId);
      if (!enterprise || enterprise.district_code !== row.district_code)
        throw fieldError('enterpriseId', 'cobuilding.unknown_enterprise');
      if (await projects.enterpriseLink(trx, id, enterpriseId)) throw conflict('cobuilding.already_linked');
      await projects.addEnterprise(trx, {
        project_id: id,
        enterprise_id: enterpriseId,
        district_code: row.district_code,
        region_code: row.region_code,
        covering_organization_id: null,
        follow_up_order_id: null,
        follow_up_order_number: null,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.project_enterprise_added',
        targetType: 'project',
        targetId: id,
        regionCode: row.region_code,
        summary: { enterpriseId, name: enterprise.name },
      });
    });
    return this.detail(scope, id);
  }

  /** Links an organization of the tree to the project and sets the project's enterprises it covers. */
  async linkOrganization(
    scope: Scope,
    id: string,
    input: z.output<typeof projectOrganizationBody>,
    actor: AuditActor,
  ) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await projects.findInScope(trx, scope, id);
      if (!row) throw notFound('cobuilding.project_not_found');
      const organization = await parties.organization(trx, scope, input.organizationId);
      if (organization?.status !== 'active' || organization.district_code !== row.district_code)
        throw fieldError('organizationId', 'cobuilding.unknown_organization');
      const inProject = new Set((await projects.enterprises(trx, id)).map((e) => e.enterprise_id));
      for (const [index, enterpriseId] of input.enterpriseIds.entries())
        if (!inProject.has(enterpriseId))
          throw fieldError(`enterpriseIds.${index}`, 'cobuilding.enterprise_not_in_project');
      const linked = await projects.organizationLink(trx, id, organization.id);
      if (!linked)
        await projects.addOrganization(trx, {
          project_id: id,
          organization_id: organization.id,
          district_code: row.district_code,
          region_code: row.region_code,
          created_at: this.ctx.now().toISOString(),
        });
      await projects.setCoverage(trx, id, organization.id, input.enterpriseIds);
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.project_organization_linked',
        targetType: 'project',
        targetId: id,
        regionCode: row.region_code,
        summary: { organizationId: organization.id, name: organization.name, covers: input.enterpriseIds },
      });
    });
    return this.detail(scope, id);
  }

  /** Coverage of project enterprises by organizations in scope (narrowed to `region` if given). */
  async coverage(scope: Scope, region: string | undefined) {
    const { db } = this.ctx.database;
    const narrowed = await this.narrowed(scope, region);
    const counts = await projects.coverageCounts(db, narrowed);
    return {
      projects: counts.projects,
      enterprises: counts.enterprises,
      coveredEnterprises: counts.covered,
      organizations: counts.organizations,
      percent: percent(counts.covered, counts.enterprises),
      uncovered: await projects.uncovered(db, narrowed, UNCOVERED_LIMIT),
    };
  }

  /**
   * 一键跟进: an enterprise of a project with no covering organization becomes a work order placed at
   * the project's street, so the street's secretary gets it in their inbox, in one transaction with
   * the link to the order and the audit row. Once per enterprise and project (409 after).
   */
  async followUp(
    principal: Principal,
    id: string,
    enterpriseId: string,
    input: z.output<typeof followUpBody>,
  ) {
    return this.intake.within({ kind: 'staff', principal }, async (trx, take) => {
      const row = await projects.findInScope(trx, principal.scope, id);
      if (!row) throw notFound('cobuilding.project_not_found');
      const link = await projects.enterpriseLink(trx, id, enterpriseId);
      const enterprise = link && (await parties.enterprise(trx, principal.scope, enterpriseId));
      if (!link || !enterprise) throw notFound('cobuilding.enterprise_not_found');
      if (link.covering_organization_id) throw conflict('cobuilding.already_covered');
      if (link.follow_up_order_id) throw conflict('cobuilding.already_followed_up');
      const street = row.region_code.length > 9 ? regionAt(row.region_code, 'street') : row.region_code;
      const place = principal.scopeFor('workorder.intake').includes(street) ? street : row.region_code;
      const order = await take({
        categoryCode: input.categoryCode ?? COVERAGE_FOLLOW_UP_CATEGORY,
        description: `【党组织覆盖】项目“${row.name}”的企业“${enterprise.name}”尚无党组织覆盖，请跟进组建或纳入联合党组织。${input.note}`,
        channel: 'walk_in',
        regionCode: place,
      });
      if (!(await projects.setFollowUp(trx, id, enterpriseId, order)))
        throw conflict('cobuilding.already_followed_up');
      await this.ctx.audit.append(trx, principal.actor, {
        action: 'cobuilding.coverage_followed_up',
        targetType: 'project',
        targetId: id,
        regionCode: row.region_code,
        summary: { enterpriseId, workOrderId: order.id, number: order.number },
      });
      return { projectId: id, enterpriseId, workOrderId: order.id, number: order.number };
    });
  }

  private async narrowed(scope: Scope, region: string | undefined): Promise<Scope> {
    if (!region) return scope;
    if (!(await parties.region(this.ctx.database.db, scope, region)))
      throw notFound('region.not_found', { code: region });
    return scope.filteredTo(region);
  }
}
