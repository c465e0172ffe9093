import { beforeAll, expect, it } from 'vitest';
import {
  guidanceSchema,
  loanDetailSchema,
  loanPageSchema,
  loanPrefillSchema,
  loanSettingsAnswerSchema,
  loanSettingsSchema,
  loanTotalsSchema,
} from '../../../shared/api/loans.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { applyFor, DEFAULT_DOCUMENTS, type LoanWorld, loanBody, loanWorld } from './testing.js';

const settingsBody = {
  maxAmountFen: 20_000_000,
  maxTermMonths: 24,
  annualRateBp: 400,
  subsidyShareBp: 10_000,
  requiredDocuments: ['身份证', '营业执照'],
  stepDays: { submitted: 2, community_review: 4, centre_review: 6, bank_approval: 8 },
};

describeEachDialect('loans: applications from the register, limits, checklist, guidance, scope', (env) => {
  let world: LoanWorld;
  let other: LoanWorld;

  beforeAll(async () => {
    world = await loanWorld(env, QINGNIAN, 6);
    other = await loanWorld(env, SHANGHAI_XINCUN, 2);
  });

  it('refuses bad input naming each field, in Chinese and English', async () => {
    const person = world.people[0]!.id;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amountFen: 0 }, 'amountFen', 'loan.amount_positive'],
      [{ amountFen: 12.5 }, 'amountFen', 'loan.amount_positive'],
      [{ amountFen: '100' }, 'amountFen', 'loan.amount_positive'],
      [{ termMonths: 0 }, 'termMonths', 'loan.term_range'],
      [{ purpose: ' ' }, 'purpose', 'loan.purpose_required'],
      [{ business: 'x' }, 'business', 'loan.business_required'],
      [{ repaymentMethod: 'balloon' }, 'repaymentMethod', 'field.invalid_value'],
      [{ personId: 'nobody' }, 'personId', 'field.invalid'],
    ];
    for (const [override, field, code] of cases) {
      const r = await env.inject('POST', '/api/loan-applications', {
        cookie: world.gridWorker.cookie,
        body: loanBody(person, override),
      });
      expect(r.status, field).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
      expect(r.error.code).toBe('request.validation');
      void code;
    }
    const english = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(person, { amountFen: -1 }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe('must be a whole positive number of fen');
    const chinese = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(person, { amountFen: -1 }),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(chinese.error.fields?.[0]?.message).toBe('金额须为正整数（分）');
  });

  it('keeps amount and term within the district’s limits (¥300,000 and 36 months by default)', async () => {
    const person = world.people[0]!.id;
    const over = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(person, { amountFen: 30_000_001 }),
    });
    expect(over.status).toBe(400);
    expect(over.error.fields).toEqual([{ path: 'amountFen', message: '金额不能超过本区上限 300,000 元' }]);
    const long = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(person, { termMonths: 37 }),
    });
    expect(long.error.fields?.[0]?.path).toBe('termMonths');
    expect(await env.countRows('loan_applications')).toBe(0);
  });

  it('prefills from the register, masked, and takes the application in with its checklist', async () => {
    const person = world.people[0]!;
    const prefill = await env.inject('GET', `/api/persons/${person.id}/loan-prefill`, {
      cookie: world.gridWorker.cookie,
    });
    expect(prefill.status).toBe(200);
    const form = prefill.body(loanPrefillSchema);
    expect(form).toMatchObject({ personId: person.id, name: person.name, guided: false });
    expect(form.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(form.settings.maxAmountFen).toBe(30_000_000);
    expect(form.settings.requiredDocuments).toEqual(DEFAULT_DOCUMENTS);

    const guided = await env.inject('POST', '/api/loan-guidance', {
      cookie: world.gridWorker.cookie,
      body: { personId: person.id, attendedOn: '2026-01-05', topic: '创业担保贷款政策宣讲' },
    });
    expect(guided.status).toBe(201);
    expect(guided.body(guidanceSchema).topic).toBe('创业担保贷款政策宣讲');
    const again = await env.inject('GET', `/api/persons/${person.id}/loan-prefill`, {
      cookie: world.gridWorker.cookie,
    });
    expect(again.body(loanPrefillSchema).guided).toBe(true);

    const created = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(person.id),
    });
    expect(created.status).toBe(201);
    const loan = created.body(loanDetailSchema);
    expect(loan).toMatchObject({
      status: 'submitted',
      amountFen: 10_000_000,
      name: person.name,
      overdue: false,
    });
    expect(loan.number).toMatch(/^DK\d{8}-[0-9A-F]{6}$/);
    expect(loan.documents.map((d) => d.item).sort()).toEqual([...DEFAULT_DOCUMENTS].sort());
    expect(loan.events.map((e) => e.action)).toEqual(['applied']);
    expect(loan.stepDueOn).not.toBeNull();

    const second = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(person.id),
    });
    expect(second.status).toBe(409);
    expect(second.error.code).toBe('loan.open_application');
  });

  it('ticks documents with who and when, and refuses an item not on the list', async () => {
    const id = await applyFor(env, world.gridWorker.cookie, world.people[1]!.id);
    const ticked = await env.inject('POST', `/api/loan-applications/${id}/documents`, {
      cookie: world.gridWorker.cookie,
      body: { item: '身份证', ticked: true },
    });
    const document = ticked.body(loanDetailSchema).documents.find((d) => d.item === '身份证');
    expect(document?.ticked).toBe(true);
    expect(document?.tickedBy).toBeTruthy();
    expect(document?.tickedAt).toBeTruthy();
    const unknown = await env.inject('POST', `/api/loan-applications/${id}/documents`, {
      cookie: world.gridWorker.cookie,
      body: { item: '结婚证', ticked: true },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.error.fields).toEqual([{ path: 'item', message: '材料清单中没有此项' }]);
  });

  it('answers 404 for another community’s application and resident, and lists only its own', async () => {
    const theirs = await applyFor(env, other.gridWorker.cookie, other.people[0]!.id);
    const read = await env.inject('GET', `/api/loan-applications/${theirs}`, {
      cookie: world.secretary.cookie,
    });
    expect(read.status).toBe(404);
    expect(read.error.code).toBe('loan.not_found');
    const act = await env.inject('POST', `/api/loan-applications/${theirs}/accept`, {
      cookie: world.secretary.cookie,
      body: {},
    });
    expect(act.status).toBe(404);
    const apply = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(other.people[1]!.id),
    });
    expect(apply.status).toBe(404);
    expect(apply.error.code).toBe('loan.unknown_person');
    const list = await env.inject('GET', '/api/loan-applications', { cookie: world.secretary.cookie });
    const ids = list.body(loanPageSchema).items.map((l) => l.id);
    expect(ids).not.toContain(theirs);
    expect(ids.length).toBe(2);
    // The district's guarantee centre sees both communities' applications.
    const centre = await env.inject('GET', '/api/loan-applications', { cookie: world.centre.cookie });
    expect(centre.body(loanPageSchema).items.map((l) => l.id)).toContain(theirs);
    // A member (no loan.read) is refused outright.
    const member = await env.loginAs({ role: 'member', regionCode: QINGNIAN });
    expect((await env.inject('GET', '/api/loan-applications', { cookie: member.cookie })).status).toBe(403);
  });

  it('changes the district’s settings only over the whole district, with a change log', async () => {
    const community = await env.inject('PUT', `/api/districts/${DISTRICT}/loan-settings`, {
      cookie: world.secretary.cookie,
      body: settingsBody,
    });
    expect(community.status).toBe(403);
    expect(community.error.code).toBe('loan.district_wide');
    const bad = await env.inject('PUT', `/api/districts/${DISTRICT}/loan-settings`, {
      cookie: world.districtAdmin.cookie,
      body: {
        ...settingsBody,
        maxAmountFen: 400_000_000,
        stepDays: { ...settingsBody.stepDays, centre_review: 0 },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['maxAmountFen', 'stepDays.centre_review']);
    const changed = await env.inject('PUT', `/api/districts/${DISTRICT}/loan-settings`, {
      cookie: world.districtAdmin.cookie,
      body: settingsBody,
    });
    expect(changed.status).toBe(200);
    expect(changed.body(loanSettingsSchema)).toMatchObject({ maxAmountFen: 20_000_000, maxTermMonths: 24 });
    const log = await env.inject('GET', `/api/districts/${DISTRICT}/loan-settings`, {
      cookie: world.secretary.cookie,
    });
    expect(log.body(loanSettingsAnswerSchema).changes).toHaveLength(1);
    const over = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(world.people[2]!.id, { amountFen: 25_000_000 }),
    });
    expect(over.error.fields?.[0]?.path).toBe('amountFen');
    const created = await env.inject('POST', '/api/loan-applications', {
      cookie: world.gridWorker.cookie,
      body: loanBody(world.people[2]!.id),
    });
    expect(
      created
        .body(loanDetailSchema)
        .documents.map((d) => d.item)
        .sort(),
    ).toEqual(['营业执照', '身份证'].sort());
  });

  it('totals the region: guided, applied, approved, disbursed, in arrears', async () => {
    const totals = await env.inject('GET', `/api/loan-totals?region=${QINGNIAN}`, {
      cookie: world.secretary.cookie,
    });
    expect(totals.body(loanTotalsSchema)).toEqual({
      regionCode: QINGNIAN,
      guided: 1,
      applied: 3,
      approved: 0,
      disbursedCount: 0,
      disbursedFen: 0,
      inArrears: 0,
      inArrearsFen: 0,
    });
    const outside = await env.inject('GET', `/api/loan-totals?region=${SHANGHAI_XINCUN}`, {
      cookie: world.secretary.cookie,
    });
    expect(outside.status).toBe(404);
  });
});
