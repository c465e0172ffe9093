import { v7 as uuidv7 } from 'uuid';
import { ARTICLE_POPULATION, articleFigure } from '../../shared/article-figures.js';
import { beijingDate } from '../../shared/beijing-time.js';
import { creditCodeCheckChar } from '../../shared/validators/index.js';
import { pick, seededRandom } from '../fixtures/resident-rows.js';
import { demoJobsRepository } from '../modules/jobs/index.js';
import { demoPairingsRepository as repo } from '../modules/pairings/index.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';
import { LITTLE_OVER } from './demo-loan-history.js';

const DAY = 86_400_000;
const INDUSTRIES = [
  '机械制造',
  '汽车零部件',
  '食品加工',
  '物流仓储',
  '动漫科技',
  '云计算服务',
  '建材',
  '医药',
];
const FIRMS = '哈南平房东轻兴达鑫盛宏远华阳';

type Row = Parameters<typeof repo.insert>[1];

/**
 * 帮扶结对 in the demo (the article: cadres and members of the district's organizations paired with
 * 183 enterprises, 36 communities and villages and 4,600+ households in difficulty): the
 * organizations take the enterprises (the job service's, with more of the district's enterprises
 * where it has fewer than 183) and 36 of the communities and villages; in-service members take the
 * households in difficulty, scaled to the district's residents — households whose 低保 the register
 * does not yet show are given the tag, as the civil affairs office's list would. Each pairing older
 * than a month has its last contact. Written in bulk.
 */
export async function buildDemoPairings(ctx: ServiceContext, district: string): Promise<void> {
  const { db } = ctx.database;
  const random = seededRandom(Number(district) + 46);
  const now = ctx.now().getTime();
  const at = new Date(now).toISOString();
  const persons = await demoRepository.districtPersons(db, district);
  const organizations = await repo.organizations(db, district);
  const communities = await repo.communities(db, district);
  if (persons === 0 || organizations.length === 0 || communities.length === 0) return;
  const rows: Row = { tags: [], pairings: [], contacts: [] };

  const pair = (
    helper: { kind: 'member' | 'organization'; id: string; name: string },
    target: { kind: 'enterprise' | 'region' | 'household'; id: string; name: string; regionCode: string },
    goals: string,
    plan: string,
  ) => {
    const id = uuidv7();
    const startedMs = now - Math.floor(random() * 900) * DAY;
    rows.pairings.push({
      id,
      district_code: district,
      region_code: target.regionCode,
      helper_kind: helper.kind,
      helper_id: helper.id,
      helper_name: helper.name,
      target_kind: target.kind,
      target_id: target.id,
      target_name: target.name,
      goals,
      plan,
      next_contact_on: beijingDate(now + (1 + Math.floor(random() * 30)) * DAY),
      status: 'active',
      started_on: beijingDate(startedMs),
      ended_on: null,
      end_reason: null,
      end_note: null,
      created_by: null,
      created_at: new Date(startedMs).toISOString(),
      updated_at: at,
    });
    if (now - startedMs > 30 * DAY)
      rows.contacts.push({
        id: uuidv7(),
        district_code: district,
        pairing_id: id,
        on_day: beijingDate(now - Math.floor(random() * 30) * DAY),
        method: pick(random, ['visit', 'visit', 'phone', 'meeting'] as const),
        description: pick<string>(random, [
          '上门走访，了解近况',
          '电话回访，落实帮扶措施',
          '座谈，协调解决困难',
        ]),
        recorded_by: null,
        recorded_by_name: helper.name,
        created_at: at,
      });
  };
  const organization = (i: number) => {
    const o = organizations[i % organizations.length]!;
    return { kind: 'organization' as const, id: o.id, name: o.name };
  };

  // Enterprises: the article's 183 (a structure of the district, not scaled).
  const enterprises = await repo.enterprises(db, district);
  const wanted = articleFigure('paired_enterprises').article;
  const added: Parameters<typeof demoJobsRepository.insertEnterprises>[1] = [];
  for (let i = enterprises.length; i < wanted; i++) {
    const first17 = `91${district}MB${String(i).padStart(3, '0')}${String(Math.floor(random() * 1e4)).padStart(4, '0')}`;
    const community = communities[i % communities.length]!;
    const name = `哈尔滨${pick<string>(random, FIRMS)}${pick<string>(random, FIRMS)}${pick(random, INDUSTRIES)}有限公司`;
    added.push({
      id: uuidv7(),
      district_code: district,
      region_code: community.code,
      name,
      credit_code: first17 + creditCodeCheckChar(first17),
      address: '',
      created_at: at,
      updated_at: at,
    });
  }
  for (const [i, e] of [...enterprises, ...added].slice(0, wanted).entries())
    pair(
      organization(i),
      { kind: 'enterprise', id: e.id, name: e.name, regionCode: e.region_code },
      '帮助企业解决用工、融资和审批中的困难',
      '每季度走访一次，问题清单办结销号',
    );

  // Communities and villages: 36 of them, spread over the district's streets and towns.
  const regions = articleFigure('paired_communities').article;
  const step = communities.length / Math.min(regions, communities.length);
  for (let i = 0; i < Math.min(regions, communities.length); i++) {
    const community = communities[Math.floor(i * step)]!;
    pair(
      organization(i * 7 + 3),
      { kind: 'region', id: community.code, name: community.name, regionCode: community.code },
      '帮助社区（村）改善服务设施，发展集体经济',
      '班子成员每月到社区（村）一次，办好一件实事',
    );
  }

  // Households in difficulty, scaled: those the register tags first, then heads given a 低保 tag.
  // "4 600余": a little over the scaled figure, and within 5% of the article's own 4,600 as well.
  const target = Math.round(
    ((articleFigure('paired_households').article * persons) / ARTICLE_POPULATION) * LITTLE_OVER,
  );
  const households = await repo.households(db, district);
  const inDifficulty = await repo.inDifficulty(db, district);
  const tagged = households.filter((h) => inDifficulty.has(h.id));
  const lowIncome = await repo.tagCode(db, '低保户');
  const untagged = households.filter((h) => !inDifficulty.has(h.id));
  const chosen = [...tagged];
  const seen = new Set(chosen.map((h) => h.id));
  for (let i = 0; chosen.length < target && lowIncome && untagged.length > 0; i++) {
    // Spread over the district: every n-th untagged household.
    const index = Math.floor((i * untagged.length) / Math.max(1, target - tagged.length)) % untagged.length;
    const household = untagged[index]!;
    if (seen.has(household.id)) break;
    seen.add(household.id);
    chosen.push(household);
    rows.tags.push({ person_id: household.head_person_id!, tag_code: lowIncome, district_code: district });
  }
  const members = await repo.members(db, district, Math.ceil(target / 2) + 1);
  if (members.length > 0)
    for (const [i, h] of chosen.slice(0, target).entries()) {
      const member = members[i % members.length]!;
      pair(
        { kind: 'member', id: member.id, name: member.name },
        {
          kind: 'household',
          id: h.id,
          name: h.head_name ? `${h.head_name}户 · ${h.address}` : h.address,
          regionCode: h.region_code,
        },
        '帮助家庭解决就业、就医和子女上学的困难',
        '每月至少联系一次，逢年过节上门慰问',
      );
    }
  await db.transaction().execute(async (trx) => {
    await demoJobsRepository.insertEnterprises(trx, added);
    await repo.insert(trx, rows);
  });
}
