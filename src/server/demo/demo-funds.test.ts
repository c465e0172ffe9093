import { expect, it } from 'vitest';
import { createMember, createOrganization, createResidents } from '../modules/member-workflows/testing.js';
import { articleReport } from '../modules/report/index.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../testing/test-env.js';
import { allowances, buildDemoFunds, DEMO_FUND_FIGURES } from './demo-funds.js';

it('spreads village secretary allowances to the article’s average and top', () => {
  for (const n of [2, 7, 11]) {
    const paid = allowances(n, 19_000, 21_000);
    expect(Math.max(...paid)).toBe(21_000);
    expect(paid.reduce((a, b) => a + b, 0) / n).toBeCloseTo(19_000, 0);
  }
});

describeEachDialect('demo ledgers: the article’s fund figures through the ledger’s own services', (env) => {
  it('writes ¥946,000 of fiscal allocation, the allowances and the consolation, and the report reads them back', async () => {
    const villages = await env.database.db
      .selectFrom('regions')
      .select('code')
      .where('kind', '=', 'village')
      .where('code', 'like', `${DISTRICT}%`)
      .orderBy('code')
      .limit(3)
      .execute();
    expect(villages.length).toBe(3);
    const places = [QINGNIAN, SHANGHAI_XINCUN, ...villages.map((v) => v.code)];
    let members = 0;
    for (const [i, code] of places.entries()) {
      const org = await createOrganization(env, {
        regionCode: code,
        name: `演示基层党组织${i}`,
        kind: 'committee',
      });
      // Residents live in 青年社区's grid; members belong to each place's organization.
      const { people } = await createResidents(env, QINGNIAN, 3);
      const made = [];
      for (const person of people)
        made.push(await createMember(env, { organization: org, personId: person.id }));
      members += made.length;
      await env.database.db
        .updateTable('organizations')
        .set({ leader_member_id: made[0]!.id })
        .where('id', '=', org.id)
        .execute();
    }
    await buildDemoFunds(env.ctx, DISTRICT);
    const rows = Object.fromEntries(
      (await articleReport(env.database.db, DISTRICT)).rows.map((r) => [r.indicator, r]),
    );
    expect(rows.base_organization_funds?.platform).toBe(DEMO_FUND_FIGURES.fiscalYuan);
    expect(rows.village_secretary_allowance_top?.platform).toBe(21_000);
    expect(rows.village_secretary_allowance_average?.platform).toBe(19_000);
    // Only `members` members exist here; at the district demo's scale the same code reaches 1,560.
    expect(rows.members_in_difficulty_visited?.platform).toBe(members);
    expect(rows.consolation_paid?.platform).toBe(members * 30);
    const pending = await env.database.db
      .selectFrom('fund_vouchers')
      .select('id')
      .where('status', '!=', 'posted')
      .execute();
    expect(pending).toEqual([]);
  });
});
