import { beforeAll, expect, it } from 'vitest';
import { jobPageSchema, seekerMatchListSchema, seekerPageSchema } from '../../shared/api/jobs.js';
import { LOAN_STATUSES, loanDetailSchema, loanPageSchema } from '../../shared/api/loans.js';
import { pairingCoverageSchema } from '../../shared/api/pairings.js';
import { articleReportSchema } from '../../shared/api/report.js';
import { coursePageSchema } from '../../shared/api/training.js';
import { describeEachDialect } from '../testing/test-env.js';
import { buildDemo, type DemoReport } from './demo-district.js';

// The small demo's livelihood programs (jobs, loans, training, pairings, the co-operative): what
// each role finds to try, and the article's figures they hold. Split from demo-district.test.ts.
describeEachDialect('the small demo district: livelihood programs', (env) => {
  let report: DemoReport;
  let admin: string;
  beforeAll(async () => {
    report = await buildDemo(env.ctx, { scale: 'small', seed: 7 });
    admin = await env.loginAdmin();
  }, 180_000);

  it('has open jobs, seekers from the register ranked for them, and placements on the cockpit', async () => {
    const jobs = (await env.inject('GET', '/api/jobs?limit=200', { cookie: admin })).body(jobPageSchema);
    expect(jobs.items.length).toBeGreaterThan(5);
    const seekers = (await env.inject('GET', '/api/job-seekers?limit=200', { cookie: admin })).body(
      seekerPageSchema,
    );
    expect(seekers.items.length).toBeGreaterThan(20);
    expect(seekers.items.some((s) => s.groups.includes('laid_off') || s.groups.includes('landless'))).toBe(
      true,
    );
    const ranked = await Promise.all(
      jobs.items
        .slice(0, 5)
        .map(async (job) =>
          (await env.inject('GET', `/api/jobs/${job.id}/matches`, { cookie: admin })).body(
            seekerMatchListSchema,
          ),
        ),
    );
    expect(ranked.some((r) => r.items.length > 0)).toBe(true);
    const hires = await env.database.db
      .selectFrom('job_recommendations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'hired')
      .executeTakeFirstOrThrow();
    const placements = await env.database.db
      .selectFrom('region_rollups')
      .select((eb) => eb.fn.sum<number>('value').as('n'))
      .where('counter', '=', 'job.placements')
      .where('region_code', '=', report.districts[0]!)
      .executeTakeFirstOrThrow();
    expect(Number(placements.n ?? 0)).toBe(Number(hires.n));
  });

  it('has start-up loans at every step for the secretary, the guarantee centre and the bank to try', async () => {
    const login = async (username: string) => {
      const account = report.accounts.find((a) => a.username === username)!;
      return env.login(account.username, account.password);
    };
    const listed = async (cookie: string) =>
      (await env.inject('GET', '/api/loan-applications?limit=200', { cookie })).body(loanPageSchema).items;
    const all = await listed(admin);
    for (const status of LOAN_STATUSES)
      expect(
        all.some((l) => l.status === status),
        status,
      ).toBe(true);
    // A late step, a loan in arrears (with its visit order), one paused for hardship.
    expect(all.some((l) => l.overdue)).toBe(true);
    const arrears = all.find((l) => l.bucket !== 'current')!;
    expect(arrears.status).toBe('repaying');
    const detail = (await env.inject('GET', `/api/loan-applications/${arrears.id}`, { cookie: admin })).body(
      loanDetailSchema,
    );
    expect(detail.followUpOrderId).not.toBeNull();
    expect(detail.instalments.some((i) => i.paidFen > 0)).toBe(true);
    expect(all.some((l) => l.paused)).toBe(true);
    // Each demo account has its own step waiting in the list it sees.
    const bank = await listed(await login('bank_officer'));
    expect(bank.some((l) => l.status === 'bank_approval')).toBe(true);
    const centre = await listed(await login('guarantee_officer'));
    expect(centre.some((l) => l.status === 'centre_review')).toBe(true);
    const secretary = await listed(await login('community_secretary'));
    expect(secretary.some((l) => l.status === 'submitted')).toBe(true);
    expect(secretary.some((l) => l.status === 'community_review')).toBe(true);
  });

  it('has the article’s training figures: 208 trained in SYB and 1,437 laid-off workers in skills', async () => {
    const completed = async (kind: 'entrepreneurship' | 'vocational') =>
      Number(
        (
          await env.database.db
            .selectFrom('training_enrollments as e')
            .innerJoin('training_courses as c', 'c.id', 'e.course_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('c.kind', '=', kind)
            .where('e.status', '=', 'completed')
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(Math.abs((await completed('entrepreneurship')) - 208)).toBeLessThanOrEqual(208 * 0.05);
    expect(Math.abs((await completed('vocational')) - 1437)).toBeLessThanOrEqual(1437 * 0.05);
    const secretary = report.accounts.find((a) => a.username === 'community_secretary')!;
    const cookie = await env.login(secretary.username, secretary.password);
    const courses = (await env.inject('GET', '/api/training-courses?limit=200', { cookie })).body(
      coursePageSchema,
    );
    expect(courses.items.some((c) => c.status === 'open')).toBe(true);
    const graduate = await env.database.db
      .selectFrom('training_enrollments')
      .select('certificate_serial')
      .where('status', '=', 'completed')
      .limit(1)
      .executeTakeFirstOrThrow();
    const verified = await env.inject(
      'GET',
      `/api/public/training-certificates/${graduate.certificate_serial}`,
    );
    expect(verified.status).toBe(200);
  });

  it('holds the article’s livelihood figures: trainees, loans, pairings and the co-operative', async () => {
    const article = (await env.inject('GET', '/api/report/article', { cookie: admin })).body(
      articleReportSchema,
    );
    const row = (indicator: string) => article.rows.find((r) => r.indicator === indicator)!;
    // The district's own totals (not scaled) within 5% of the article's.
    for (const indicator of [
      'syb_trained',
      'laid_off_trained',
      'paired_enterprises',
      'paired_communities',
    ] as const) {
      const { platform, scaled, article: figure } = row(indicator);
      expect(scaled, indicator).toBeNull();
      expect(Math.abs((platform ?? 0) - figure), indicator).toBeLessThanOrEqual(figure * 0.05);
    }
    // The loans and the households in difficulty scale with the residents (the loop above holds
    // them within 10% of the scaled figure); the amount is what the loans lent add up to.
    for (const indicator of [
      'loan_guidance',
      'loans_disbursed',
      'loans_disbursed_amount',
      'paired_households',
    ])
      expect(row(indicator).scaled, indicator).not.toBeNull();
    const lent = await env.database.db
      .selectFrom('loan_applications')
      .select((eb) => eb.fn.sum<number>('amount_fen').as('fen'))
      .where('disbursed_on', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(row('loans_disbursed_amount').platform).toBe(Math.round(Number(lent.fen) / 100));
    // Every paired household is one in difficulty on the register, so coverage counts it.
    const coverage = await env.inject('GET', '/api/pairing-coverage?region=230108', { cookie: admin });
    expect(coverage.status).toBe(200);
    expect(coverage.body(pairingCoverageSchema).region.covered).toBe(row('paired_households').platform);
    // The co-operative pays the article's ¥3,600 a person with 10% kept: its rent is ¥4,000 a
    // shareholder (the article's ¥24,000,000 takes 6,000 of them: the district scale's village).
    expect(row('cooperative_dividend_per_person').platform).toBe(3600);
    const shareholders = await env.database.db
      .selectFrom('dividend_payouts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(shareholders.n)).toBeGreaterThan(10);
    expect(row('cooperative_rent').platform).toBe(Number(shareholders.n) * 4000);
  });
});
