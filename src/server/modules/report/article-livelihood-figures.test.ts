import { v7 as uuidv7 } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { articleCollectiveFigures } from '../collectives/index.js';
import { articleLoanFigures } from '../loans/index.js';
import { createResidents } from '../member-workflows/testing.js';
import { articlePairingFigures } from '../pairings/index.js';
import { articleTrainingFigures } from '../training/index.js';

/**
 * The counting functions behind the article report's livelihood rows, on hand-built rows: what
 * counts (completed, lent, active, approved) and what does not (enrolled, submitted, ended, draft,
 * another district).
 */
describeEachDialect('the article’s livelihood figures, counted', (env) => {
  const at = '2026-03-01T00:00:00.000Z';
  const OTHER = '230102';
  let people: { id: string; regionCode: string }[];

  beforeAll(async () => {
    people = (await createResidents(env, QINGNIAN, 8)).people;
  });

  it('reads nothing from an empty district: zeros, and no co-operative yet', async () => {
    const { db } = env.database;
    expect(await articleTrainingFigures(db, OTHER)).toEqual({ syb_trained: 0, laid_off_trained: 0 });
    expect(await articleLoanFigures(db, OTHER)).toEqual({
      loan_guidance: 0,
      loans_disbursed: 0,
      loans_disbursed_amount: 0,
    });
    expect(await articlePairingFigures(db, OTHER)).toEqual({
      paired_enterprises: 0,
      paired_communities: 0,
      paired_households: 0,
    });
    expect(await articleCollectiveFigures(db, OTHER)).toEqual({
      cooperative_rent: null,
      cooperative_dividend_per_person: null,
    });
  });

  it('counts completions of SYB and of skills courses, not those still enrolled', async () => {
    const { db } = env.database;
    const course = async (
      kind: 'entrepreneurship' | 'vocational',
      statuses: ('completed' | 'enrolled')[],
    ) => {
      const id = uuidv7();
      await db
        .insertInto('training_courses')
        .values({
          id,
          district_code: DISTRICT,
          region_code: QINGNIAN,
          title: kind === 'entrepreneurship' ? 'SYB 创办你的企业' : '机加焊接',
          kind,
          description: '',
          place: '社区党群服务中心',
          skills: '[]',
          target_groups: '[]',
          capacity: 30,
          has_assessment: 0,
          completion_pct: 80,
          warning_pct: 60,
          status: 'completed',
          completed_on: '2026-02-01',
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const [i, status] of statuses.entries()) {
        const person = people[i]!;
        await db
          .insertInto('training_enrollments')
          .values({
            id: uuidv7(),
            district_code: DISTRICT,
            region_code: QINGNIAN,
            person_region_code: person.regionCode,
            course_id: id,
            person_id: person.id,
            status,
            placed_at: at,
            channel: 'worker',
            assessment: null,
            attendance_warned: 0,
            completed_on: status === 'completed' ? '2026-02-01' : null,
            certificate_serial: status === 'completed' ? `PX-${uuidv7().slice(-8)}` : null,
            follow_up_due_on: null,
            follow_up_outcome: null,
            follow_up_note: null,
            follow_up_on: null,
            follow_up_by: null,
            created_by: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
    };
    await course('entrepreneurship', ['completed', 'completed', 'enrolled']);
    await course('vocational', ['completed', 'completed', 'completed', 'enrolled']);
    // The same person trained in two skills courses counts twice: two trainings.
    await course('vocational', ['completed']);
    expect(await articleTrainingFigures(db, DISTRICT)).toEqual({ syb_trained: 2, laid_off_trained: 4 });
  });

  it('counts people guided once each, and loans the bank lent with their principal in yuan', async () => {
    const { db } = env.database;
    for (const person of [people[0]!, people[0]!, people[1]!, people[2]!])
      await db
        .insertInto('loan_guidance')
        .values({
          id: uuidv7(),
          district_code: DISTRICT,
          region_code: person.regionCode,
          person_id: person.id,
          attended_on: '2026-01-10',
          topic: '创业担保贷款政策辅导',
          recorded_by: null,
          created_at: at,
        })
        .execute();
    const loan = async (
      person: { id: string; regionCode: string },
      amountFen: number,
      lentOn: string | null,
    ) => {
      const id = uuidv7();
      await db
        .insertInto('loan_applications')
        .values({
          id,
          district_code: DISTRICT,
          region_code: person.regionCode,
          number: `DK20260110-${id.slice(-6).toUpperCase()}`,
          person_id: person.id,
          household_id: null,
          amount_fen: amountFen,
          term_months: 24,
          purpose: '购置设备',
          business: '社区便利店',
          repayment_method: 'equal_instalment',
          status: lentOn ? 'repaying' : 'submitted',
          step_due_at: null,
          overdue: 0,
          escalated_region_code: null,
          centre_approved_at: lentOn ? at : null,
          annual_rate_bp: lentOn ? 345 : null,
          subsidy_share_bp: lentOn ? 5000 : null,
          bank_name: lentOn ? '哈尔滨银行' : null,
          contract_no: lentOn ? 'HT-1' : null,
          disbursed_on: lentOn,
          bucket: 'current',
          days_past_due: 0,
          follow_up_order_id: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    };
    await loan(people[0]!, 10_000_050, '2026-01-20');
    await loan(people[1]!, 5_000_000, '2026-02-01');
    await loan(people[2]!, 20_000_000, null);
    // 100,000.50 + 50,000 yuan lent: 150,000.50 rounds to 150,001 (half up).
    expect(await articleLoanFigures(db, DISTRICT)).toEqual({
      loan_guidance: 3,
      loans_disbursed: 2,
      loans_disbursed_amount: 150_001,
    });
  });

  it('counts each enterprise, community and household with an active pairing once', async () => {
    const { db } = env.database;
    const pairing = async (
      kind: 'enterprise' | 'region' | 'household',
      target: string,
      status: 'active' | 'ended' = 'active',
      district = DISTRICT,
    ) =>
      db
        .insertInto('pairings')
        .values({
          id: uuidv7(),
          district_code: district,
          region_code: district === DISTRICT ? QINGNIAN : `${OTHER}001001`,
          helper_kind: 'organization',
          helper_id: uuidv7(),
          helper_name: '区直机关党委',
          target_kind: kind,
          target_id: target,
          target_name: '结对对象',
          goals: '',
          plan: '',
          next_contact_on: null,
          status,
          started_on: '2026-01-01',
          ended_on: status === 'ended' ? '2026-02-01' : null,
          end_reason: status === 'ended' ? 'goals_met' : null,
          end_note: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    const [e1, e2, e3, h1, h2] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    // Two helpers with the same enterprise: one enterprise.
    await pairing('enterprise', e1);
    await pairing('enterprise', e1);
    await pairing('enterprise', e2);
    await pairing('enterprise', e3, 'ended');
    await pairing('region', QINGNIAN);
    await pairing('region', SHANGHAI_XINCUN);
    await pairing('household', h1);
    await pairing('household', h2, 'ended');
    await pairing('household', uuidv7(), 'active', OTHER);
    expect(await articlePairingFigures(db, DISTRICT)).toEqual({
      paired_enterprises: 2,
      paired_communities: 2,
      paired_households: 1,
    });
  });

  it('reads the latest year’s approved run of the largest co-operative, per person paid', async () => {
    const { db } = env.database;
    const collective = async (region: string) => {
      const id = uuidv7();
      await db
        .insertInto('collectives')
        .values({
          id,
          district_code: DISTRICT,
          region_code: region,
          name: '股份经济合作社',
          retention_bp: 1000,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    };
    const run = async (
      collectiveId: string,
      region: string,
      year: number,
      incomeFen: number,
      holders: { id: string; fen: number }[],
      status: 'draft' | 'approved' = 'approved',
    ) => {
      const id = uuidv7();
      const paid = holders.reduce((sum, h) => sum + h.fen, 0);
      await db
        .insertInto('dividend_runs')
        .values({
          id,
          district_code: DISTRICT,
          region_code: region,
          collective_id: collectiveId,
          year,
          income_fen: incomeFen,
          retention_bp: 1000,
          retained_fen: incomeFen - paid,
          remainder_fen: 0,
          total_shares: holders.length,
          per_share_fen: holders[0]?.fen ?? 0,
          paid_fen: paid,
          status,
          drafted_by: uuidv7(),
          drafted_by_name: '起草人',
          drafted_at: at,
          approved_by: status === 'approved' ? uuidv7() : null,
          approved_by_name: status === 'approved' ? '审批人' : null,
          approved_at: status === 'approved' ? at : null,
        })
        .execute();
      for (const h of holders)
        await db
          .insertInto('dividend_payouts')
          .values({ district_code: DISTRICT, run_id: id, person_id: h.id, shares: 1, amount_fen: h.fen })
          .execute();
    };
    const big = await collective(QINGNIAN);
    const small = await collective(SHANGHAI_XINCUN);
    const three = people.slice(0, 3).map((p) => ({ id: p.id, fen: 360_000 }));
    // 2025: the larger co-operative's approved run; 1,200,000 fen income, three paid ¥3,600 each.
    await run(big, QINGNIAN, 2025, 1_200_000, three);
    await run(small, SHANGHAI_XINCUN, 2025, 400_000, [{ id: people[3]!.id, fen: 360_000 }]);
    // An older year and a draft (not yet approved) are not what the report reads.
    await run(big, QINGNIAN, 2024, 9_000_000, three);
    await run(small, SHANGHAI_XINCUN, 2026, 99_000_000, three, 'draft');
    expect(await articleCollectiveFigures(db, DISTRICT)).toEqual({
      cooperative_rent: 12_000,
      cooperative_dividend_per_person: 3_600,
    });
  });
});
