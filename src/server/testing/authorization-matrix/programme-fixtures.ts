import type { TargetKind } from '../../http/authorization-matrix.js';
import { bulletinMatrixFixture } from '../../modules/bulletins/testing.js';
import { cobuildingMatrixFixtures } from '../../modules/cobuilding/testing.js';
import { collectiveMatrixFixture } from '../../modules/collectives/testing.js';
import { voucherMatrixFixture } from '../../modules/funds/testing.js';
import { jobsMatrixWorld } from '../../modules/jobs/testing.js';
import { loanMatrixFixture } from '../../modules/loans/testing.js';
import { meetingMatrixFixtures } from '../../modules/meetings/testing.js';
import { pairingMatrixFixture } from '../../modules/pairings/testing.js';
import { relocationMatrixFixtures } from '../../modules/relocation/testing.js';
import { reviewMatrixFixture } from '../../modules/reviews/testing.js';
import { surveyMatrixFixture } from '../../modules/surveys/testing.js';
import { trainingMatrixFixtures } from '../../modules/training/testing.js';
import { volunteeringMatrixFixtures } from '../../modules/volunteering/testing.js';
import { worklogMatrixFixtures } from '../../modules/worklogs/testing.js';
import { QINGNIAN, SHANGHAI_XINCUN, type TestEnv } from '../test-env.js';
import type { MatrixWorld, Params } from './world.js';

/**
 * The authorization matrix's records of the programme modules (volunteering, the job service,
 * start-up loans), one inside 青年社区 and one in 上海新村社区 each; kept apart from world.ts so
 * that file stays a readable size. `loanApplicant` names a resident of a community who is no member.
 */
export async function programmeFixtures(
  env: TestEnv,
  m: MatrixWorld,
  admin: string,
  loanApplicant: (community: string) => string,
): Promise<void> {
  const { samples, fixtures, owners, userIds, cookies } = m;
  for (const community of [QINGNIAN, SHANGHAI_XINCUN]) {
    const side = community === QINGNIAN ? 'inside' : 'outside';
    const volunteering = await volunteeringMatrixFixtures(env, admin, community);
    samples[community] = { ...samples[community]!, ...volunteering.samples };
    for (const [kind, params] of Object.entries(volunteering.params) as [TargetKind, Params][])
      fixtures[kind] = { ...(fixtures[kind] ?? { inside: {}, outside: {} }), [side]: params };
    if (side === 'inside') {
      owners.own_volunteer_signup = volunteering.owner;
      owners.own_volunteer_certificate = volunteering.owner;
      owners.resident_volunteer_signup = volunteering.residentOwner;
      owners.resident_volunteer_certificate = volunteering.residentOwner;
    }
  }

  // 就业服务: each community's enterprise is bound to a contact; 青年社区's is the role's session.
  for (const [community, made] of await jobsMatrixWorld(env, admin, userIds.enterprise_contact)) {
    const side = community === QINGNIAN ? 'inside' : 'outside';
    samples[community] = { ...samples[community]!, ...made.samples };
    for (const [kind, params] of Object.entries(made.params) as [TargetKind, Params][])
      fixtures[kind] = { ...(fixtures[kind] ?? { inside: {}, outside: {} }), [side]: params };
  }
  owners.own_job_recommendation = cookies.enterprise_contact;
  // 创业担保贷款: an application just submitted, of a resident who is no member.
  fixtures.loan_application = {
    inside: { id: await loanMatrixFixture(env, admin, loanApplicant(QINGNIAN)) },
    outside: { id: await loanMatrixFixture(env, admin, loanApplicant(SHANGHAI_XINCUN)) },
  };
  // 党建经费: a posted voucher in a ledger of its own in each community.
  fixtures.fund_voucher = {
    inside: { id: await voucherMatrixFixture(env, admin, QINGNIAN) },
    outside: { id: await voucherMatrixFixture(env, admin, SHANGHAI_XINCUN) },
  };
  // 帮扶结对: each community paired with a cadre; 村集体经济组织: a collective with a drafted run.
  fixtures.pairing = {
    inside: { id: await pairingMatrixFixture(env, admin, userIds.secretary, QINGNIAN) },
    outside: { id: await pairingMatrixFixture(env, admin, userIds.secretary, SHANGHAI_XINCUN) },
  };
  const collectives = {
    inside: await collectiveMatrixFixture(env, admin, QINGNIAN, loanApplicant(QINGNIAN)),
    outside: await collectiveMatrixFixture(env, admin, SHANGHAI_XINCUN, loanApplicant(SHANGHAI_XINCUN)),
  };
  fixtures.collective = {
    inside: { id: collectives.inside.collective },
    outside: { id: collectives.outside.collective },
  };
  fixtures.dividend_run = {
    inside: { id: collectives.inside.run },
    outside: { id: collectives.outside.run },
  };
  // 培训: a completed course in each community, with a graduate enrolled by the admin and one by
  // themself on the portal (青年社区's is the owner of the resident_training_enrollment records).
  for (const community of [QINGNIAN, SHANGHAI_XINCUN]) {
    const side = community === QINGNIAN ? 'inside' : 'outside';
    const training = await trainingMatrixFixtures(env, admin, community);
    for (const [kind, params] of Object.entries(training.params) as [TargetKind, Params][])
      fixtures[kind] = { ...(fixtures[kind] ?? { inside: {}, outside: {} }), [side]: params };
    if (side === 'inside') owners.resident_training_enrollment = training.residentOwner;
  }
  // 易地搬迁: a surveyed case of a resident's household and a resettlement community in each community.
  for (const community of [QINGNIAN, SHANGHAI_XINCUN]) {
    const side = community === QINGNIAN ? 'inside' : 'outside';
    const household = await householdOfPerson(env, loanApplicant(community));
    const made = await relocationMatrixFixtures(env, admin, community, household);
    for (const [kind, id] of [
      ['relocation_case', made.relocationCase],
      ['resettlement_community', made.resettlement],
    ] as const)
      fixtures[kind] = { ...(fixtures[kind] ?? { inside: {}, outside: {} }), [side]: { id } };
  }
  // 三会一课: a draft meeting of a branch under the community's committee, and a decision's task.
  const meetings = {
    inside: await meetingMatrixFixtures(env, admin, QINGNIAN),
    outside: await meetingMatrixFixtures(env, admin, SHANGHAI_XINCUN),
  };
  fixtures.meeting = { inside: { id: meetings.inside.meeting }, outside: { id: meetings.outside.meeting } };
  fixtures.meeting_task = { inside: { id: meetings.inside.task }, outside: { id: meetings.outside.task } };
  // 群众满意度测评: a drawn survey over a grid of three adults in each community, and one of its rows.
  const surveys = {
    inside: await surveyMatrixFixture(env, admin, QINGNIAN),
    outside: await surveyMatrixFixture(env, admin, SHANGHAI_XINCUN),
  };
  fixtures.survey = { inside: { id: surveys.inside.survey }, outside: { id: surveys.outside.survey } };
  fixtures.survey_sample = { inside: { id: surveys.inside.sample }, outside: { id: surveys.outside.sample } };
  // 述职评议: a community's round over its grids, and one of its units; the roles evaluate the inside one.
  const reviews = {
    inside: await reviewMatrixFixture(env, admin, QINGNIAN, Object.values(userIds)),
    outside: await reviewMatrixFixture(env, admin, SHANGHAI_XINCUN),
  };
  fixtures.review_round = { inside: { id: reviews.inside.round }, outside: { id: reviews.outside.round } };
  fixtures.review_unit = { inside: { id: reviews.inside.unit }, outside: { id: reviews.outside.unit } };
  // 手机党校: a draft notice and a draft course filed under each community.
  const bulletins = {
    inside: await bulletinMatrixFixture(env, admin, QINGNIAN),
    outside: await bulletinMatrixFixture(env, admin, SHANGHAI_XINCUN),
  };
  fixtures.bulletin_post = { inside: { id: bulletins.inside.post }, outside: { id: bulletins.outside.post } };
  fixtures.study_course = {
    inside: { id: bulletins.inside.course },
    outside: { id: bulletins.outside.course },
  };
  // 工作日志 and 联系点: a log by the secretary (its owner) and the secretary's contact point inside;
  // outside, the admin's log and the contact point of a leader who is none of the roles' users.
  const otherLeader = await env.createUser({ role: 'secretary', regionCode: SHANGHAI_XINCUN });
  const worklogs = {
    inside: await worklogMatrixFixtures(env, admin, cookies.secretary, QINGNIAN, userIds.secretary),
    outside: await worklogMatrixFixtures(env, admin, admin, SHANGHAI_XINCUN, otherLeader.id),
  };
  for (const [kinds, key] of [
    [['work_log', 'own_work_log'], 'workLog'],
    [['contact_point', 'own_contact_point'], 'contactPoint'],
  ] as const)
    for (const kind of kinds)
      fixtures[kind] = { inside: { id: worklogs.inside[key] }, outside: { id: worklogs.outside[key] } };
  owners.own_work_log = cookies.secretary;
  owners.own_contact_point = cookies.secretary;
  // 大项目 and 区厂共建: a project with an uncovered enterprise, a unit with a venue and a booking, a task force.
  const cobuilding = {
    inside: await cobuildingMatrixFixtures(env, admin, QINGNIAN),
    outside: await cobuildingMatrixFixtures(env, admin, SHANGHAI_XINCUN),
  };
  for (const [kind, key] of [
    ['project', 'project'],
    ['cobuilding_unit', 'unit'],
    ['venue', 'venue'],
    ['venue_booking', 'booking'],
    ['task_force', 'taskForce'],
  ] as const)
    fixtures[kind] = { inside: cobuilding.inside[key], outside: cobuilding.outside[key] };
}

/** The household a register person lives in. */
async function householdOfPerson(env: TestEnv, personId: string): Promise<string> {
  const person = await env.database.db
    .selectFrom('persons')
    .select('household_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return person.household_id!;
}
