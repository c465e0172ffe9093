import { buildDemoBulletins } from '../modules/bulletins/index.js';
import { generateDemoBoundaries, rebuildRollups } from '../modules/cockpit/index.js';
import { buildDemoJobFairs } from '../modules/jobs/index.js';
import type { ServiceContext } from '../services.js';
import { demoAccountCommunity } from './demo-accounts.js';
import { buildDemoCobuilding } from './demo-cobuilding.js';
import { buildDemoCollective } from './demo-collectives.js';
import { buildDemoFunds } from './demo-funds.js';
import { buildDemoJobs } from './demo-jobs.js';
import { buildDemoLoanHistory } from './demo-loan-history.js';
import { buildDemoLoans } from './demo-loans.js';
import { buildDemoMeetings } from './demo-meetings.js';
import { buildDemoPairings } from './demo-pairings.js';
import { buildDemoPoints } from './demo-points.js';
import { buildDemoRelocation } from './demo-relocation.js';
import { buildDemoReviews } from './demo-reviews.js';
import { buildDemoSurveys } from './demo-surveys.js';
import { demoTimebank } from './demo-timebank.js';
import { buildDemoTraining } from './demo-training.js';
import { buildDemoVisits } from './demo-visits.js';
import { buildDemoWorklogs } from './demo-worklogs.js';

/** Work that runs once the demo data is written, given the districts it built. */
export type DemoFinisher = (ctx: ServiceContext, districtCodes: readonly string[]) => Promise<void>;

/**
 * After `lianxin demo` and the first start's demo: the cockpit's map outlines for every district
 * built, then every counter recounted from the rows (the demo writes in bulk, past the steps that
 * keep the cockpit's counters as they happen).
 */
export const DEMO_FINISHERS: readonly DemoFinisher[] = [
  async (ctx, districtCodes) => {
    for (const code of districtCodes) await generateDemoBoundaries(ctx, code);
    for (const code of districtCodes) await buildDemoVisits(ctx, code);
    for (const code of districtCodes) await buildDemoJobs(ctx, code);
    // The home district's loans, in the community of the demo's secretary and grid worker.
    const home = ctx.config.districtCode;
    if (districtCodes.includes(home)) await buildDemoLoans(ctx, home, demoAccountCommunity(home));
    if (districtCodes.includes(home)) await buildDemoFunds(ctx, home);
    // Its training courses (SYB and skills), run by the demo secretary's community.
    if (districtCodes.includes(home)) await buildDemoTraining(ctx, home, demoAccountCommunity(home));
    // Its relocation: farm and shanty-town households resettled in ten communities (the article's figures).
    if (districtCodes.includes(home)) await buildDemoRelocation(ctx, home);
    // 三会一课: a year of meetings of its organizations, some missed, so compliance shows figures.
    if (districtCodes.includes(home)) await buildDemoMeetings(ctx, home, demoAccountCommunity(home));
    // A closed, anonymous satisfaction survey of that community, answered by phone.
    if (districtCodes.includes(home)) await buildDemoSurveys(ctx, home, demoAccountCommunity(home));
    // The article's livelihood figures: past loans, pairings, the village co-operative (issue 18).
    if (districtCodes.includes(home)) await buildDemoLoanHistory(ctx, home);
    if (districtCodes.includes(home)) await buildDemoPairings(ctx, home);
    if (districtCodes.includes(home)) await buildDemoCollective(ctx, home);
    // 大项目, 区厂共建 and the land-acquisition task forces (the article's figures, scaled).
    if (districtCodes.includes(home)) await buildDemoCobuilding(ctx, home);
    await rebuildRollups(ctx);
  },
  demoTimebank,
  // 述职评议: a closed street round (after the rebuild above: its KPIs read the counters).
  buildDemoReviews,
  // 党员积分: the home district's rules and this year's accrual from the demo's hours, visits, meetings.
  buildDemoPoints,
  // 手机党校: posts, a course with its quiz, some members' receipts and attempts.
  async (ctx, districtCodes) => {
    const home = ctx.config.districtCode;
    if (districtCodes.includes(home)) await buildDemoBulletins(ctx, home, demoAccountCommunity(home));
  },
  // 工作日志 and 联系点: three months of logs and leaders' contact points with records (bulk).
  async (ctx, districtCodes) => {
    for (const code of districtCodes) await buildDemoWorklogs(ctx, code);
  },
  // 招聘会: two fairs in the demo secretary's street, one with enterprises, jobs and seekers.
  async (ctx, districtCodes) => {
    const home = ctx.config.districtCode;
    if (districtCodes.includes(home))
      await buildDemoJobFairs(ctx, home, demoAccountCommunity(home).slice(0, 9));
  },
];
