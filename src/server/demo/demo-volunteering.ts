import { v7 as uuidv7 } from 'uuid';
import { ACTIVITY_AREAS } from '../../shared/api/volunteering.js';
import type { BulkInserter } from '../db/bulk-insert.js';
import type { Insertable } from '../db/row-types.js';
import type { MemberTable, OrganizationTable } from '../db/tables.js';

import type { DemoPerson } from './demo-population.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const TITLES: Record<(typeof ACTIVITY_AREAS)[number], string[]> = {
  宣传教育: ['政策宣讲进楼道', '防诈骗知识讲座'],
  社区环境: ['楼道清扫日', '小区绿地捡拾垃圾'],
  治安防范: ['夜间巡逻', '消防隐患排查'],
  文体活动: ['社区广场舞展演', '少儿书法课'],
  帮扶弱势群体: ['独居老人上门探访', '残疾人家庭代购'],
  就业渠道: ['招聘信息进社区', '简历辅导'],
  便民行动: ['义务理发', '家电义务维修'],
  身心健康: ['义诊测血压', '心理疏导热线值守'],
};
const ROLES = ['服务', '引导', '登记', '后勤'];
const SKILLS = ['急救证', '驾驶', '理发', '电工证', '心理咨询'];

/**
 * The demo's volunteering: every volunteer team of a district gets volunteers from its own
 * community (members among them), a year of past activities with checked-in, confirmed hours and
 * an occasional no-show, and one upcoming activity with sign-ups and a waiting list. Written in
 * the demo's long transaction; the cockpit counters come from the rebuild at the end.
 */
export async function writeDemoVolunteering(
  writer: BulkInserter,
  input: {
    organizations: readonly Pick<
      Insertable<OrganizationTable>,
      'id' | 'kind' | 'name' | 'region_code' | 'district_code'
    >[];
    members: readonly Pick<Insertable<MemberTable>, 'id' | 'person_id'>[];
    people: readonly DemoPerson[];
    random: () => number;
    today: Date;
    now: string;
  },
): Promise<void> {
  const { random, today, now } = input;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const memberOf = new Map(input.members.map((m) => [m.person_id, m.id ?? null]));
  const byCommunity = new Map<string, DemoPerson[]>();
  for (const person of input.people) {
    const age = today.getUTCFullYear() - person.birthYear;
    if (age < 18 || age > 75) continue;
    const list = byCommunity.get(person.communityCode) ?? [];
    list.push(person);
    byCommunity.set(person.communityCode, list);
  }
  const volunteers = [];
  const activities = [];
  const shifts = [];
  const signups = [];
  for (const team of input.organizations.filter((o) => o.kind === 'volunteer_team')) {
    const pool = byCommunity.get(team.region_code) ?? [];
    if (pool.length === 0) continue;
    const chosen = new Map<string, { id: string; personId: string }>();
    const size = Math.min(pool.length, 8 + Math.floor(random() * 13));
    while (chosen.size < size) {
      const person = pick(pool);
      if (chosen.has(person.id)) continue;
      const id = uuidv7();
      chosen.set(person.id, { id, personId: person.id });
      volunteers.push({
        id,
        district_code: team.district_code,
        region_code: team.region_code,
        team_id: team.id,
        person_id: person.id,
        member_id: memberOf.get(person.id) ?? null,
        skills: JSON.stringify(random() < 0.3 ? [pick(SKILLS)] : []),
        status: 'active' as const,
        joined_on: new Date(today.getTime() - Math.floor(random() * 3 * 365) * DAY_MS)
          .toISOString()
          .slice(0, 10),
        created_at: now,
        updated_at: now,
      });
    }
    const team_volunteers = [...chosen.values()];
    const count = 3 + Math.floor(random() * 4);
    for (let n = 0; n <= count; n += 1) {
      const upcoming = n === count;
      const area = pick(ACTIVITY_AREAS);
      const day = upcoming ? 3 + Math.floor(random() * 10) : -(5 + Math.floor(random() * 360));
      // 09:00 Beijing on that day (01:00 UTC) plus a random hour.
      const startMs =
        Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) +
        day * DAY_MS +
        (1 + Math.floor(random() * 6)) * HOUR_MS;
      const endMs = startMs + (2 + Math.floor(random() * 3)) * HOUR_MS;
      const activityId = uuidv7();
      const shiftId = uuidv7();
      const needed = 3 + Math.floor(random() * 5);
      const startsAt = new Date(startMs).toISOString();
      const endsAt = new Date(endMs).toISOString();
      activities.push({
        id: activityId,
        district_code: team.district_code,
        region_code: team.region_code,
        team_id: team.id,
        area,
        title: pick(TITLES[area]),
        description: '',
        place: `${team.name.replace(/志愿服务队$/, '')}活动室`,
        signup_mode: 'open' as const,
        cancel_cutoff_hours: 2,
        work_order_id: null,
        status: upcoming ? ('open' as const) : ('done' as const),
        starts_at: startsAt,
        ends_at: endsAt,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      shifts.push({
        id: shiftId,
        district_code: team.district_code,
        activity_id: activityId,
        role: pick(ROLES),
        needed,
        skills: '[]',
        starts_at: startsAt,
        ends_at: endsAt,
      });
      const taking = [...team_volunteers]
        .sort(() => random() - 0.5)
        .slice(0, Math.min(team_volunteers.length, needed + (upcoming ? 2 : 0)));
      for (const [i, v] of taking.entries()) {
        const noShow = !upcoming && random() < 0.06;
        const inMs = startMs + Math.floor(random() * 15) * 60_000;
        const outMs = endMs - Math.floor(random() * 20) * 60_000;
        const done = !upcoming && !noShow;
        signups.push({
          id: uuidv7(),
          district_code: team.district_code,
          region_code: team.region_code,
          activity_id: activityId,
          shift_id: shiftId,
          volunteer_id: v.id,
          status: upcoming && i >= needed ? ('waitlisted' as const) : ('confirmed' as const),
          starts_at: startsAt,
          ends_at: endsAt,
          walk_in: 0,
          checked_in_at: done ? new Date(inMs).toISOString() : null,
          checked_out_at: done ? new Date(outMs).toISOString() : null,
          no_show: noShow ? 1 : 0,
          minutes: done ? Math.floor((outMs - inMs) / 60_000) : null,
          confirmed_at: done ? new Date(endMs + HOUR_MS).toISOString() : null,
          confirmed_by: null,
          rating: done ? 4 + Math.floor(random() * 2) : null,
          remark: '',
          created_at: new Date(startMs - 2 * DAY_MS).toISOString(),
          updated_at: now,
        });
      }
    }
  }
  await writer.insert('volunteers', volunteers);
  await writer.insert('volunteer_activities', activities);
  await writer.insert('volunteer_shifts', shifts);
  await writer.insert('volunteer_signups', signups);
}
