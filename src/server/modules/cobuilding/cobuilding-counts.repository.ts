import type { Executor } from '../../db/database.js';

const n = (row: { n: number | string | bigint } | undefined) => Number(row?.n ?? 0);

/**
 * The article's co-building figures as a district holds them, for `lianxin report article`:
 * projects settled (320), organizations set up in projects (28), the project enterprises they cover
 * (181), co-building units (130+), and the land-acquisition task forces' cadres seconded (200+),
 * temporary organizations (18) and vanguard teams (10+). Counted from the rows, whole districts, no scope.
 */
export async function articleCobuildingFigures(db: Executor, district: string) {
  const projects = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_code', '=', district)
    .executeTakeFirst();
  const organizations = await db
    .selectFrom('project_organizations as po')
    .innerJoin('organizations as o', (join) =>
      join.onRef('o.id', '=', 'po.organization_id').onRef('o.district_code', '=', 'po.district_code'),
    )
    .select((eb) => eb.fn.count<number>('po.organization_id').distinct().as('n'))
    .where('po.district_code', '=', district)
    .where('o.status', '=', 'active')
    .executeTakeFirst();
  const covered = await db
    .selectFrom('project_enterprises')
    .select((eb) => eb.fn.count<number>('enterprise_id').distinct().as('n'))
    .where('district_code', '=', district)
    .where('covering_organization_id', 'is not', null)
    .executeTakeFirst();
  const units = await db
    .selectFrom('cobuilding_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_code', '=', district)
    .executeTakeFirst();
  const cadres = await db
    .selectFrom('task_force_secondments')
    .select((eb) => eb.fn.count<number>('member_id').distinct().as('n'))
    .where('district_code', '=', district)
    .executeTakeFirst();
  const forces = async (kind: 'temporary_org' | 'vanguard_team') =>
    n(
      await db
        .selectFrom('task_forces')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_code', '=', district)
        .where('kind', '=', kind)
        .executeTakeFirst(),
    );
  return {
    big_projects: n(projects),
    project_organizations: n(organizations),
    project_covered_enterprises: n(covered),
    cobuilding_units: n(units),
    task_force_cadres: n(cadres),
    task_force_organizations: await forces('temporary_org'),
    vanguard_teams: await forces('vanguard_team'),
  };
}
