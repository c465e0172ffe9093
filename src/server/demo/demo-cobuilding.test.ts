import { expect, it } from 'vitest';
import { projectCoverageSchema, taskForceListSchema, unitListSchema } from '../../shared/api/cobuilding.js';
import { ARTICLE_POPULATION, articleFigure } from '../../shared/article-figures.js';
import { createResidents } from '../modules/member-workflows/testing.js';
import { articleReport } from '../modules/report/index.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../testing/test-env.js';
import { buildDemoCobuilding } from './demo-cobuilding.js';

const FIGURES = [
  'big_projects',
  'project_organizations',
  'project_covered_enterprises',
  'cobuilding_units',
] as const;

describeEachDialect(
  'demo cobuilding: the article’s project and co-building figures, from the rows',
  (env) => {
    it('at a small scale: the report counts the rows the demo made, scaled to the district’s residents', async () => {
      await createResidents(env, QINGNIAN, 600);
      await buildDemoCobuilding(env.ctx, DISTRICT);
      const rows = Object.fromEntries(
        (await articleReport(env.database.db, DISTRICT)).rows.map((r) => [r.indicator, r]),
      );
      for (const indicator of FIGURES) {
        const row = rows[indicator]!;
        expect(row.scaled, indicator).toBe(Math.round((row.article * 600) / ARTICLE_POPULATION));
        expect(row.platform, indicator).toBeGreaterThanOrEqual(1);
        expect(Math.abs(row.platform! - row.scaled!), indicator).toBeLessThanOrEqual(1);
      }
      // The services read the generated rows like any other.
      const admin = await env.loginAdmin();
      const coverage = (await env.inject('GET', '/api/project-coverage', { cookie: admin })).body(
        projectCoverageSchema,
      );
      expect(coverage.projects).toBe(rows.big_projects!.platform);
      expect(coverage.coveredEnterprises).toBe(rows.project_covered_enterprises!.platform);
      expect(coverage.uncovered.length).toBe(coverage.enterprises - coverage.coveredEnterprises);
      const units = (await env.inject('GET', '/api/cobuilding-units', { cookie: admin })).body(
        unitListSchema,
      );
      expect(units.items).toHaveLength(rows.cobuilding_units!.platform!);
      const forces = (await env.inject('GET', '/api/task-forces', { cookie: admin })).body(
        taskForceListSchema,
      );
      expect(forces.items.some((f) => f.kind === 'command')).toBe(true);
    });

    it('sized for the district scale (200,000 residents): 320 projects, 28 organizations over 181 enterprises, 130+ units', async () => {
      const before = Object.fromEntries(
        (await articleReport(env.database.db, DISTRICT)).rows.map((r) => [r.indicator, r.platform ?? 0]),
      );
      await buildDemoCobuilding(env.ctx, DISTRICT, { persons: ARTICLE_POPULATION });
      const after = Object.fromEntries(
        (await articleReport(env.database.db, DISTRICT)).rows.map((r) => [r.indicator, r.platform ?? 0]),
      );
      for (const indicator of [...FIGURES, 'task_force_organizations', 'vanguard_teams'] as const) {
        const made = after[indicator]! - before[indicator]!;
        const article = articleFigure(indicator).article;
        expect(Math.abs(made - article) / article, `${indicator}: ${made}`).toBeLessThanOrEqual(0.05);
      }
      expect(after.cobuilding_units! - before.cobuilding_units!).toBeGreaterThanOrEqual(130);
    }, 120_000);
  },
);
