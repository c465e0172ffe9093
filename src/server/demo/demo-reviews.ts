import { REVIEW_KPIS } from '../../shared/api/reviews.js';
import { beijingMonth } from '../../shared/beijing-time.js';
import { Scope } from '../auth/scope.js';
import { SYSTEM_ACTOR } from '../bootstrap.js';
import { seededRandom } from '../fixtures/resident-rows.js';
import { ReviewRoundsService } from '../modules/reviews/index.js';
import { usersRepository } from '../modules/users/index.js';
import type { ServiceContext } from '../services.js';
import { demoAccountCommunity } from './demo-accounts.js';

/**
 * 述职评议 in the demo: the demo secretary's street reviews its communities over this year so far,
 * scored by the district's admin and the street's secretary (leaders) and the demo member
 * (members), with the KPIs the demo's orders, visits, care and hours give; then closed, so the
 * round page shows a frozen ranking. Runs after the counters are rebuilt (the KPIs read them).
 */
export async function buildDemoReviews(ctx: ServiceContext, districtCodes: readonly string[]): Promise<void> {
  const home = ctx.config.districtCode;
  if (!districtCodes.includes(home)) return;
  const { db, dialect } = ctx.database;
  const street = demoAccountCommunity(home).slice(0, 9);
  const month = beijingMonth(ctx.now());
  const year = Number(month.slice(0, 4));
  const rounds = new ReviewRoundsService(ctx);
  const scope = new Scope([home], dialect);
  const id = await rounds.create(
    scope,
    {
      regionCode: street,
      name: `${year}年度社区党组织书记抓基层党建述职评议`,
      year,
      fromMonth: `${year}-01`,
      toMonth: month,
      rubric: [
        { id: 'duty', title: '履行第一责任人职责', max: 30 },
        { id: 'service', title: '服务群众成效', max: 40 },
        { id: 'members', title: '党员队伍建设', max: 30 },
      ],
      groupWeights: { leader: 50, member: 30, resident: 20 },
      kpiWeights: Object.fromEntries(REVIEW_KPIS.map((k) => [k, k === 'placements' ? 1 : 2])) as Record<
        (typeof REVIEW_KPIS)[number],
        number
      >,
      rubricWeight: 60,
      kpiWeight: 40,
    },
    SYSTEM_ACTOR,
  );
  const random = seededRandom(Number(street));
  const evaluators = [
    ['district_admin', 'leader'],
    ['street_secretary', 'leader'],
    ['member', 'member'],
  ] as const;
  const detail = await rounds.detail(scope, id);
  for (const [username, group] of evaluators) {
    const user = await usersRepository.findByUsername(db, username);
    if (!user) continue;
    await rounds.addEvaluator(scope, id, { userId: user.id, group }, SYSTEM_ACTOR);
    for (const { unit } of detail.units) {
      const points = (max: number) => Math.round(max * (0.6 + random() * 0.4));
      await rounds.score(
        user.id,
        unit.id,
        {
          scores: [
            { itemId: 'duty', score: points(30) },
            { itemId: 'service', score: points(40) },
            { itemId: 'members', score: points(30) },
          ],
        },
        { ...SYSTEM_ACTOR, id: user.id, name: user.display_name },
      );
    }
  }
  await rounds.close(scope, id, SYSTEM_ACTOR);
}
