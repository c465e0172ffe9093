import { v7 as uuidv7 } from 'uuid';
import { COMMENDATION_TITLES } from '../../shared/article-figures.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { pick } from '../fixtures/resident-rows.js';
import { CONDITIONS, DEEDS } from './demo-organization-texts.js';
import type { OrganizationRows, OrganizationTargets } from './demo-organizations.js';
import type { DemoPerson } from './demo-population.js';

/**
 * What the demo's organizations and members have on record once the tree and its members stand
 * (planOrganizations): commendations, health records and 好事实事. Called last, in this order, so
 * the seeded random numbers fall as they always did.
 */
export function planRecognitionAndRecords(
  input: {
    districtCode: string;
    now: string;
    year: number;
    random: () => number;
    pastDay: () => string;
    crypto: FieldCrypto;
    people: DemoPerson[];
    targets: OrganizationTargets;
    /** The party organizations (committees, corridor and unit branches). */
    parties: { id: string; regionCode: string }[];
    committees: Map<string, { name: string }>;
    leaders: Set<string>;
  },
  rows: OrganizationRows,
): void {
  const { districtCode, now, year, random, pastDay } = input;
  const age = (p: DemoPerson) => year - p.birthYear;
  // Commendations of the last three years: pioneer posts and excellent members, advanced collectives.
  const memberIds = rows.members.map((m) => m.id);
  const memberRegion = new Map(rows.members.map((m) => [m.id, m.region_code]));
  const commend = (
    title: string,
    subjectType: 'member' | 'organization',
    ids: string[],
    count: number,
    region: (id: string) => string,
  ) => {
    const picked = [...ids].sort(() => random() - 0.5).slice(0, count);
    for (const [index, subjectId] of picked.entries()) {
      rows.commendations.push({
        id: uuidv7(),
        district_code: districtCode,
        region_code: region(subjectId),
        year: year - (index % 3),
        title,
        subject_type: subjectType,
        subject_id: subjectId,
        note: '',
        created_at: now,
      });
    }
  };
  commend(
    COMMENDATION_TITLES.pioneer_posts,
    'member',
    memberIds,
    input.targets.pioneerPosts,
    (id) => memberRegion.get(id)!,
  );
  commend(
    COMMENDATION_TITLES.excellent_members,
    'member',
    memberIds,
    input.targets.excellentMembers,
    (id) => memberRegion.get(id)!,
  );
  const orgRegion = new Map(input.parties.map((o) => [o.id, o.regionCode]));
  commend(
    COMMENDATION_TITLES.advanced_collectives,
    'organization',
    input.parties.map((o) => o.id),
    input.targets.advancedCollectives,
    (id) => orgRegion.get(id)!,
  );

  // Health records, the elderly and the disabled first.
  const byNeed = input.people
    .map((p) => ({ p, key: (age(p) >= 60 ? 2 : 0) + (p.tags.includes('残疾人') ? 2 : 0) + random() * 1.5 }))
    .sort((a, b) => b.key - a.key)
    .slice(0, input.targets.healthRecords);
  for (const { p } of byNeed) {
    const conditions = [...CONDITIONS].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 2));
    const record = {
      conditions: p.tags.includes('残疾人') ? [...conditions, '肢体残疾'].join('、') : conditions.join('、'),
      doctorContact: `${input.committees.get(p.communityCode)?.name.replace(/党委|党总支$/, '') ?? ''}卫生服务站 家庭医生`,
      lastCheckup: pastDay(),
    };
    rows.healthRecords.push({
      person_id: p.id,
      district_code: districtCode,
      region_code: p.buildingCode,
      record_enc: input.crypto.encrypt('health.record', JSON.stringify(record)),
      created_at: now,
      updated_at: now,
    });
  }

  // 好事实事: recorded for members, warm-group leaders most often.
  const doers = [...memberIds, ...input.leaders, ...input.leaders];
  for (let i = 0; i < input.targets.deeds && doers.length > 0; i++) {
    const memberId = pick(random, doers);
    const doneOn = pastDay();
    rows.deeds.push({
      id: uuidv7(),
      district_code: districtCode,
      region_code: memberRegion.get(memberId)!,
      member_id: memberId,
      work_order_id: null,
      title: pick(random, DEEDS),
      description: '',
      done_on: doneOn,
      created_by: null,
      created_at: `${doneOn}T10:00:00.000Z`,
    });
  }
}
