import { v7 as uuidv7 } from 'uuid';
import type { ContactWay, WorkLogKind } from '../../shared/api/worklogs.js';
import { beijingDate } from '../../shared/beijing-time.js';
import { Scope } from '../auth/scope.js';
import { BulkInserter } from '../db/bulk-insert.js';
import { withLongTransaction } from '../db/long-transaction.js';
import type { Insertable } from '../db/row-types.js';
import type { DB } from '../db/tables.js';
import { usersRepository } from '../modules/users/index.js';
import { worklogPartiesRepository } from '../modules/worklogs/index.js';
import type { ServiceContext } from '../services.js';
import { demoAccountCommunity } from './demo-accounts.js';

/** Organizations of the demo district that keep a log (the demo community's first). */
const ORGANIZATIONS = 20;
const DAY_MS = 86_400_000;
const CONTENT: Record<WorkLogKind, string> = {
  visit: '走访辖区困难党员和独居老人家庭，了解生活情况，登记需求两项。',
  meeting: '召开支委会，研究本月党员活动安排和网格服务分工。',
  service: '组织党员志愿者为居民义务理发、测血压，服务群众三十余人次。',
  coordination: '协调物业和供热公司解决楼栋暖气不热问题，已入户查看。',
  study: '组织党员集中学习上级文件精神，交流学习体会。',
  other: '整理党员档案，更新党务公开栏内容。',
};
const KINDS = Object.keys(CONTENT) as WorkLogKind[];
const WAYS: ContactWay[] = ['on_site', 'phone', 'forum'];

/** A stable number in [0, 100) from a text. */
const roll = (text: string): number => {
  let hash = 11;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return hash % 100;
};

/**
 * 工作日志 and 联系点 in the demo (issue 14): three months of logs by the demo community's secretary
 * for the district's first party organizations (about one in five leaves this month empty, so the
 * "no log this month" list shows names), and the district admin's and street secretary's contact
 * points at six of them with contact records, one never contacted and one not for months, so the
 * not-contacted flag shows. Written in bulk (no audit rows: nobody did this work in the system).
 */
export async function buildDemoWorklogs(ctx: ServiceContext, district: string): Promise<void> {
  if (district !== ctx.config.districtCode) return;
  const { db, dialect } = ctx.database;
  const community = demoAccountCommunity(district);
  const own = await worklogPartiesRepository.loggingOrganizations(
    db,
    new Scope([community], dialect),
    ORGANIZATIONS,
  );
  const rest = await worklogPartiesRepository.loggingOrganizations(
    db,
    new Scope([district], dialect),
    ORGANIZATIONS * 3,
  );
  const organizations = [...own, ...rest.filter((o) => !own.some((x) => x.id === o.id))].slice(
    0,
    ORGANIZATIONS,
  );
  const author = await usersRepository.findByUsername(db, 'community_secretary');
  const leaders = [
    await usersRepository.findByUsername(db, 'district_admin'),
    await usersRepository.findByUsername(db, 'street_secretary'),
  ].filter((u) => u !== undefined);
  if (!author || organizations.length === 0) return;
  const now = ctx.now();
  const at = (daysAgo: number) => beijingDate(now.getTime() - daysAgo * DAY_MS);
  const created = now.toISOString();
  const today = at(0);
  const logs: Insertable<DB['work_logs']>[] = [];
  organizations.forEach((org, index) => {
    const quiet = roll(org.id) < 20;
    for (let daysAgo = 3 + (index % 5); daysAgo < 92; daysAgo += 9 + (roll(`${org.id}${daysAgo}`) % 8)) {
      const loggedOn = at(daysAgo);
      if (quiet && loggedOn.slice(0, 7) === today.slice(0, 7)) continue;
      const kind = KINDS[roll(`${org.id}${loggedOn}`) % KINDS.length]!;
      logs.push({
        id: uuidv7(),
        district_code: district,
        region_code: org.region_code,
        organization_id: org.id,
        author_id: author.id,
        author_name: author.display_name,
        logged_on: loggedOn,
        kind,
        content: CONTENT[kind],
        work_order_id: null,
        visit_id: null,
        volunteer_activity_id: null,
        void_reason: null,
        voided_by: null,
        voided_at: null,
        created_at: created,
        updated_at: created,
      });
    }
  });
  const points: Insertable<DB['contact_points']>[] = [];
  const records: Insertable<DB['contact_records']>[] = [];
  organizations.slice(0, 6).forEach((org, index) => {
    const leader = leaders[index % leaders.length];
    if (!leader) return;
    const id = uuidv7();
    points.push({
      id,
      district_code: district,
      region_code: org.region_code,
      organization_id: org.id,
      leader_user_id: leader.id,
      leader_name: leader.display_name,
      start_on: at(300),
      end_on: null,
      assigned_by: null,
      ended_by: null,
      created_at: created,
    });
    // The fifth is never contacted; the sixth not for 120 days; the others every month or two.
    const contacts = index === 4 ? [] : index === 5 ? [120, 200] : [15 + index * 7, 70 + index * 5, 160];
    for (const daysAgo of contacts)
      records.push({
        id: uuidv7(),
        contact_point_id: id,
        district_code: district,
        region_code: org.region_code,
        contacted_on: at(daysAgo),
        way: WAYS[(index + daysAgo) % WAYS.length]!,
        findings: '支部班子运转正常，党员活动室设施需要更新，部分老党员行动不便。',
        outcome: '商定由街道协调更新活动室设施，支部安排党员结对上门服务老党员。',
        recorded_by: leader.id,
        created_at: created,
      });
  });
  await withLongTransaction(ctx.database, async (trx, sqlite) => {
    const writer = new BulkInserter(trx, sqlite);
    await writer.insert('work_logs', logs);
    await writer.insert('contact_points', points);
    await writer.insert('contact_records', records);
  });
}
