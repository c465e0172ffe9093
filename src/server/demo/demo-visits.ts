import { v7 as uuidv7 } from 'uuid';
import type { VisitOutcome } from '../../shared/api/visits.js';
import { Scope } from '../auth/scope.js';
import { seededRandom } from '../fixtures/resident-rows.js';
import {
  type Campaign,
  campaignsRepository,
  demoVisitsRepository,
  halfwayOf,
  revisitSlotAfter,
} from '../modules/visits/index.js';
import type { ServiceContext } from '../services.js';

const DAY = 86_400_000;
const beijingDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 大走访 in the demo: a campaign over each community (every household once in a quarter, given
 * to its grid's worker), about half the households already visited — mostly met, some not home or
 * refusing — over the last six weeks. Counters are recounted by the demo's finisher afterwards.
 */
export async function buildDemoVisits(ctx: ServiceContext, district: string): Promise<void> {
  const { db, dialect } = ctx.database;
  const recorder = await demoVisitsRepository.recorder(db, district);
  if (!recorder) return;
  const random = seededRandom(Number(district));
  const now = ctx.now().getTime();
  const startsOn = beijingDay(now - 45 * DAY);
  const endsOn = beijingDay(now + 45 * DAY);
  await db.transaction().execute(async (trx) => {
    for (const { code } of await demoVisitsRepository.communities(trx, district)) {
      const at = new Date(now).toISOString();
      const campaign: Campaign = {
        id: uuidv7(),
        district_code: district,
        region_code: code,
        name: '“进百家门、知百家情、解百家难”大走访',
        starts_on: startsOn,
        ends_on: endsOn,
        halfway_on: halfwayOf(startsOn, endsOn),
        rule: 'every_household',
        min_visits: 1,
        tag_code: null,
        status: 'active',
        created_by: recorder,
        created_at: at,
        updated_at: at,
      };
      await campaignsRepository.insert(trx, campaign);
      await campaignsRepository.insertTargets(trx, campaign, new Scope([code], dialect), 1, 'grid');
      const visits = (await demoVisitsRepository.targetsOf(trx, campaign.id))
        .filter(() => random() < 0.5)
        .map((target) => {
          const roll = random();
          const outcome: VisitOutcome = roll < 0.8 ? 'met' : roll < 0.95 ? 'not_home' : 'refused';
          const started = now - Math.floor(random() * 42 * DAY) - 3600_000;
          const startedAt = new Date(started).toISOString();
          return {
            id: uuidv7(),
            district_code: target.district_code,
            region_code: target.region_code,
            household_id: target.household_id,
            campaign_id: campaign.id,
            recorded_by: recorder,
            companion_user_ids: '[]',
            idempotency_key: uuidv7(),
            started_at: startedAt,
            ended_at: new Date(started + 20 * 60_000).toISOString(),
            latitude: null,
            longitude: null,
            method: 'home' as const,
            outcome,
            notes: outcome === 'met' ? '家中情况正常，已宣传社区服务热线' : '',
            revisit_slot: outcome === 'not_home' ? revisitSlotAfter(startedAt) : null,
            created_at: startedAt,
          };
        });
      await demoVisitsRepository.insertVisits(trx, visits);
      await demoVisitsRepository.countTargets(trx, campaign.id);
      await campaignsRepository.rebuildCoverage(trx, campaign);
    }
  });
}
