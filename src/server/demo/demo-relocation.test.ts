import { expect, it } from 'vitest';
import { caseDetailSchema, casePageSchema, resettlementListSchema } from '../../shared/api/relocation.js';
import { createResidents } from '../modules/member-workflows/testing.js';
import { articleReport } from '../modules/report/index.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../testing/test-env.js';
import { buildDemoRelocation } from './demo-relocation.js';

describeEachDialect('demo relocation: the article’s figures scaled to the district’s residents', (env) => {
  it('relocates farm households, resettles them with shanty-town households in ten estates, within capacity', async () => {
    const village = await env.database.db
      .selectFrom('regions')
      .select('code')
      .where('kind', '=', 'village')
      .where('code', 'like', `${DISTRICT}%`)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    // About 1,200 residents: scaled, 37 farm households and 120 resettled.
    await createResidents(env, village.code, 400);
    for (let i = 0; i < 2; i++) await createResidents(env, QINGNIAN, 400);
    await buildDemoRelocation(env.ctx, DISTRICT);

    const rows = Object.fromEntries(
      (await articleReport(env.database.db, DISTRICT)).rows.map((r) => [r.indicator, r]),
    );
    expect(rows.resettlement_communities?.platform).toBe(10);
    for (const indicator of ['relocated_households', 'resettled_households']) {
      const row = rows[indicator]!;
      expect(row.scaled, indicator).toBeGreaterThan(30);
      expect(Math.abs(row.platform! - row.scaled!), indicator).toBeLessThanOrEqual(
        Math.max(1, row.scaled! * 0.05),
      );
    }
    const admin = await env.loginAdmin();
    const estates = (await env.inject('GET', '/api/resettlement-communities', { cookie: admin })).body(
      resettlementListSchema,
    ).items;
    expect(estates).toHaveLength(10);
    const resettled = await env.database.db
      .selectFrom('relocation_cases')
      .select(['resettlement_id', 'unit', 'status', 'resettled_on', 'moved_on'])
      .where('status', '=', 'resettled')
      .execute();
    for (const estate of estates) {
      const given = resettled.filter((c) => c.resettlement_id === estate.id);
      expect(estate.occupiedUnits).toBe(given.length);
      expect(estate.occupiedUnits).toBeLessThanOrEqual(estate.capacityUnits);
      expect(new Set(given.map((c) => c.unit)).size).toBe(given.length);
    }
    for (const c of resettled) expect(c.resettled_on! >= c.moved_on!).toBe(true);
    // The services act on generated cases like any other: a waiting household gets its flat.
    const waiting = await env.inject('GET', '/api/relocation-cases?status=moved&subject=household&limit=1', {
      cookie: admin,
    });
    const moved = waiting.body(casePageSchema).items[0]!;
    const page = await env.inject('GET', `/api/relocation-cases/${moved.id}`, { cookie: admin });
    const detail = page.body(caseDetailSchema);
    expect(detail.events.map((e) => e.toStatus)).toEqual(['surveyed', 'agreed', 'paid', 'moved']);
    const done = await env.inject('POST', `/api/relocation-cases/${moved.id}/resettle`, {
      cookie: admin,
      body: { resettlementId: estates[0]!.id, unit: '99-1-101', resettledOn: detail.movedOn },
    });
    expect(done.status).toBe(200);
  });
});
