import { beijingDate } from '../../shared/beijing-time.js';
import { Scope } from '../auth/scope.js';
import { SYSTEM_ACTOR } from '../bootstrap.js';
import {
  ComplianceService,
  MeetingReviewService,
  MeetingsService,
  meetingPartiesRepository,
} from '../modules/meetings/index.js';
import type { ServiceContext } from '../services.js';

/** Organizations of the demo district that get a year of meetings (the first by place). */
const DEMO_ORGANIZATIONS = 24;
const TOPICS = ['学习贯彻上级会议精神', '研究网格服务工作', '讨论困难党员帮扶', '部署志愿服务活动'];

/** A stable number in [0, 100) from a text: which slots the demo leaves unheld. */
const roll = (text: string): number => {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return hash % 100;
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A year of 三会一课 for the demo district's organizations (issue 14): for each of the last four
 * quarters and the current one, the meetings the default rules ask (支委会 monthly, 党员大会 and 党课
 * quarterly), about one in eight left unheld so that compliance shows figures; each held meeting
 * drafted, submitted (some with a decision that becomes a task) and mostly approved by the district,
 * all through the module's services. The sweep then makes the missed ones of the last two quarters
 * tasks.
 */
export async function buildDemoMeetings(
  ctx: ServiceContext,
  district: string,
  community: string,
): Promise<void> {
  if (district !== ctx.config.districtCode) return;
  const { db } = ctx.database;
  const scope = new Scope([district], ctx.database.dialect);
  // The demo secretary's community first, so that the secretary who signs in finds its figures.
  const kinds: ('committee' | 'general_branch' | 'branch')[] = ['committee', 'general_branch', 'branch'];
  const own = await meetingPartiesRepository.organizationsInScope(
    db,
    new Scope([community], ctx.database.dialect),
    kinds,
    DEMO_ORGANIZATIONS,
  );
  const rest = await meetingPartiesRepository.organizationsInScope(db, scope, kinds, 400);
  const organizations = [...own, ...rest.filter((org) => !own.some((o) => o.id === org.id))].slice(
    0,
    DEMO_ORGANIZATIONS * 4,
  );
  const meetings = new MeetingsService(ctx);
  const review = new MeetingReviewService(ctx);
  const secretary = { id: null, name: '党组织书记', ip: null, requestId: null };
  const reviewer = { scope, userId: null, actor: { ...SYSTEM_ACTOR, name: '区委组织部' } };
  const today = beijingDate(ctx.now());
  const [year, month] = today.split('-').map(Number) as [number, number];
  let built = 0;
  for (const org of organizations) {
    if (built >= DEMO_ORGANIZATIONS) break;
    const members = await meetingPartiesRepository.membersOf(db, org.id);
    if (members.length < 2) continue;
    built += 1;
    const ids = members.map((m) => m.id);
    // Twelve months back from this one, and the quarters they fall in.
    for (let back = 12; back >= 0; back -= 1) {
      const index = year * 12 + (month - 1) - back;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      const types: ('committee' | 'general_assembly' | 'lecture')[] = ['committee'];
      if (m % 3 === 2) types.push('general_assembly', 'lecture');
      for (const type of types) {
        const heldOn = `${y}-${pad(m)}-${pad(type === 'committee' ? 8 : type === 'lecture' ? 18 : 22)}`;
        if (heldOn > today || roll(`${org.id}${type}${y}${m}`) < 12) continue;
        const absent = ids.length > 2 && roll(`${org.id}${heldOn}`) < 40;
        const id = await meetings.create(
          scope,
          {
            organizationId: org.id,
            type,
            topic: TOPICS[roll(heldOn + type) % TOPICS.length]!,
            plannedOn: heldOn,
            heldOn,
            durationMinutes: type === 'lecture' ? 90 : 60,
            presenterMemberId: ids[0],
            recorderMemberId: ids[1],
            minutes: `${org.name}召开会议，传达学习上级精神，研究部署近期工作。与会党员逐一发言，形成决议。`,
            attendance: ids.map((memberId, i) => ({
              memberId,
              present: !(absent && i === ids.length - 1),
              absenceReason: absent && i === ids.length - 1 ? '因病请假' : undefined,
            })),
          },
          secretary,
        );
        const decisions =
          roll(id) < 25 ? [{ text: '走访慰问困难党员并报告情况', ownerMemberId: ids[1], dueOn: heldOn }] : [];
        await meetings.submit(scope, id, { decisions }, secretary);
        // The last month's meetings wait for review; the older ones were approved.
        if (back > 0) await review.approve(reviewer, id);
      }
    }
  }
  await new ComplianceService(ctx).sweepDistrict(district, SYSTEM_ACTOR);
}
