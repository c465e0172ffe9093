/**
 * Named permissions and the roles that bundle them. A role is always assigned together with a
 * region (its scope): the permission holds in that region's whole subtree and nowhere else.
 */
import { PERMISSIONS, type Permission, ROLE_NAMES, type RoleName } from '../../shared/permissions.js';

export { PERMISSIONS, type Permission, ROLE_NAMES, type RoleName };

/** Keeping a grid's places and register: what secretaries and grid workers share. */
const GRID_KEEPING: readonly Permission[] = [
  'region.read',
  'region.write',
  'person.read',
  'person.write',
  'person.reveal',
  'person.import',
  'person.export',
  'org.read',
  'care.assign',
  'workorder.read',
  'workorder.intake',
  'workorder.handle',
  'deed.write',
  'cockpit.read',
  // 大走访: read and record visits in one's grid.
  'visit.read',
  'visit.record',
  // Volunteer teams of the grid: see their volunteers, lead their activities (check-in, hours).
  'volunteer.read',
  'activity.lead',
  // 爱心银行: accounts, transfers and the board in their subtree.
  'timebank.read',
  'timebank.write',
  // 就业服务: case workers find seekers in their area, register them, match and recommend.
  'job.read',
  'job.manage',
  // 创业担保贷款: see the applications of their place, record guidance and take applications in.
  'loan.read',
  'loan.apply',
  // 帮扶结对: pair helpers with households, communities and enterprises of their place; record contacts.
  'pairing.read',
  'pairing.manage',
  // 易地搬迁: relocation cases and resettlement communities of their place.
  'relocation.read',
];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  district_admin: PERMISSIONS,
  // Secretaries of a street or community run their subtree, organizations included.
  // Secretaries also dispatch down their tree, approve returns and extensions, review and call back.
  secretary: [
    ...GRID_KEEPING,
    'org.write',
    'member.import',
    'workorder.dispatch',
    'workorder.supervise',
    'workorder.callback',
    // Secretaries plan visit campaigns and confirm register changes found on visits.
    'visit.plan',
    'register.change_confirm',
    'volunteer.manage',
    // The love supermarket's clerk and the district's limits (the latter held over a whole district).
    'timebank.redeem',
    'timebank.settings',
    // The community's review of loan applications and hardship pauses; the district's loan limits and
    // step deadlines (the latter held over a whole district).
    'loan.review',
    'loan.settings',
    // 党费 and the organization's fund ledger: record dues, keep vouchers, approve others' vouchers
    // above the threshold and close months (a second person approves: never one's own voucher).
    'fund.read',
    'fund.write',
    'fund.approve',
    'dues.read',
    'dues.write',
    // 村集体经济组织: shareholders, income and dividend runs (drafted by one secretary, approved by another).
    'collective.read',
    'collective.manage',
    // 易地搬迁: cases of their subtree through each step, resettlement communities, disputes to orders.
    'relocation.write',
    // 三会一课: record the organization's meetings and submit them; review those of the organizations
    // below (the service checks the reviewer's scope covers the level above the meeting's organization).
    'meeting.read',
    'meeting.write',
    'meeting.review',
    // 群众满意度测评: design questionnaires, draw samples, record phone interviews, read results.
    'survey.read',
    'survey.write',
    // 述职评议: run the rounds of their level, submit their unit's report, grade their members (民主评议党员).
    'review.read',
    'review.write',
    'review.score',
    // 党员积分: read the members' points and rankings, award or deduct by hand with a reason; the
    // district's rules and an accrual on demand need the permission over the whole district.
    'points.read',
    'points.manage',
    // 手机党校: write, publish and withdraw posts and study courses; read counts and who has not read.
    'bulletin.read',
    'bulletin.write',
    // 工作日志: keep the work log of their organizations (contact points are the district's to assign).
    'worklog.read',
    'worklog.write',
    // 大项目 and 区厂共建: projects and their organizations, co-building units, venues, task forces.
    'cobuilding.read',
    'cobuilding.write',
  ],
  // Grid workers keep their grid (their scope is the grid itself).
  grid_worker: [...GRID_KEEPING, 'review.score'],
  // Operators look callers up across the district and may reveal a number to call back.
  // They take calls, dispatch them, answer on the spot and call residents back afterwards.
  hotline_operator: [
    'region.read',
    'person.read',
    'person.reveal',
    'org.read',
    'workorder.read',
    'workorder.intake',
    'workorder.dispatch',
    'workorder.callback',
    // Phone interviews of satisfaction surveys are the call centre's work too.
    'survey.read',
    'survey.write',
  ],
  // A member's own page (households in their care, registration, commitments) needs no permission
  // beyond being the member: those routes check the link between account and member. So do their
  // visits: a member records visits only to the households a campaign gave them.
  // A member (or a residents' representative given a member account) scores the review rounds
  // they are named an evaluator of (review.score; the service checks the naming).
  // Their 学习 page (/api/bulletins/me…) is theirs through the same link: no bulletin permission.
  member: ['region.read', 'org.read', 'review.score'],
  auditor: [
    'region.read',
    'user.read',
    'audit.read',
    'org.read',
    'workorder.read',
    'cockpit.read',
    'visit.read',
    'volunteer.read',
    'timebank.read',
    'job.read',
    'loan.read',
    'fund.read',
    'dues.read',
    'pairing.read',
    'collective.read',
    'relocation.read',
    'meeting.read',
    'survey.read',
    'review.read',
    'points.read',
    'bulletin.read',
    'worklog.read',
    'cobuilding.read',
  ],
  // An enterprise's contact person (企业联系人): posts the enterprise's jobs and records what
  // became of the seekers recommended to it. The role is assigned at the enterprise's region;
  // which enterprise is the link in enterprise_contacts, checked on every route (job.post).
  enterprise_contact: ['region.read', 'job.post'],
  // The guarantee centre (创业担保贷款担保中心) and the lending bank's loan officer take their own
  // steps of the one-stop workflow; assigned at the district, they see its applications, masked.
  guarantee_officer: ['region.read', 'loan.read', 'loan.guarantee'],
  bank_officer: ['region.read', 'loan.read', 'loan.bank'],
  // The love supermarket's clerk (爱心超市店员) checks residents' codes off and nothing else: no
  // register, no orders, no accounts, not even the region tree (the clerk page needs none of them).
  // timebank.redeem also stocks the shop's items, the other half of running it.
  timebank_clerk: ['timebank.redeem'],
};

export const isRoleName = (value: string): value is RoleName =>
  (ROLE_NAMES as readonly string[]).includes(value);
