import { beforeAll, expect, it } from 'vitest';
import { myJobAlertsSchema, seekerSchema } from '../../../shared/api/jobs.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { deliverTexts, residentLogin } from '../portal/testing.js';
import { ALERT_DAILY_CAP, sendJobAlerts } from './job-alerts.js';
import {
  createEnterprise,
  createHousehold,
  jobBodyFor,
  postJob,
  registerSeeker,
  seekerBodyFor,
} from './testing.js';

describeEachDialect('job alerts: a text to each seeker a new job fits, once, within the daily cap', (env) => {
  let admin = '';
  let enterprise = '';
  const seekers: Record<'fits' | 'optedOut' | 'noPhone' | 'weak', string> = {
    fits: '',
    optedOut: '',
    noPhone: '',
    weak: '',
  };

  const alerts = (jobId?: string) => {
    let query = env.database.db.selectFrom('job_alerts').select(['job_id', 'seeker_id']);
    if (jobId) query = query.where('job_id', '=', jobId);
    return query.orderBy('seeker_id').execute();
  };
  const texts = async () =>
    Number(
      (
        await env.database.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('template', '=', 'job_alert')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const allSkills = { skills: ['电工', '焊工', '叉车'], education: 'senior' };

  beforeAll(async () => {
    admin = await env.loginAdmin();
    enterprise = await createEnterprise(env, QINGNIAN);
    const h = await createHousehold(env, QINGNIAN, QINGNIAN, [
      { name: '张建国', gender: 'male', age: 45, tags: ['下岗失业'] },
      { name: '刘秀英', gender: 'female', age: 42, tags: ['失地农民'] },
      { name: '王强', gender: 'male', age: 30, tags: ['下岗失业'] },
      { name: '李娜', gender: 'female', age: 35, tags: ['下岗失业'] },
    ]);
    seekers.fits = await registerSeeker(env, admin, seekerBodyFor(h.personIds[0]!, allSkills));
    seekers.optedOut = await registerSeeker(env, admin, seekerBodyFor(h.personIds[1]!, allSkills));
    seekers.noPhone = await registerSeeker(env, admin, seekerBodyFor(h.personIds[2]!, allSkills));
    // One skill of three: 17 + 25 + 15 + 10 = 67 points, under the threshold of 70.
    seekers.weak = await registerSeeker(
      env,
      admin,
      seekerBodyFor(h.personIds[3]!, { skills: ['电工'], education: 'senior' }),
    );
    await env.database.db
      .updateTable('persons')
      .set({ phone_enc: null })
      .where('id', '=', h.personIds[2]!)
      .execute();
  });

  it('refuses a bad opt-out and keeps it in scope', async () => {
    const bad = await env.inject('PUT', `/api/job-seekers/${seekers.optedOut}/sms-opt-out`, {
      cookie: admin,
      body: { optOut: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0]?.path).toBe('optOut');
    const other = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    const outside = await env.inject('PUT', `/api/job-seekers/${seekers.optedOut}/sms-opt-out`, {
      cookie: other,
      body: { optOut: true },
    });
    expect(outside.status).toBe(404);
    const done = await env.inject('PUT', `/api/job-seekers/${seekers.optedOut}/sms-opt-out`, {
      cookie: admin,
      body: { optOut: true },
    });
    expect(done.body(seekerSchema).smsOptOut).toBe(true);
    const audited = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', seekers.optedOut)
      .where('action', '=', 'job.sms_opt_out_set')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('texts only the fitting seeker with a phone who did not opt out, and never twice', async () => {
    const job = await postJob(env, admin, jobBodyFor(env, enterprise, QINGNIAN));
    // Posting only queues: nothing is sent in the post's transaction.
    expect(await alerts(job)).toEqual([]);
    expect(await sendJobAlerts(env.ctx)).toBe(1);
    expect((await alerts(job)).map((a) => a.seeker_id)).toEqual([seekers.fits]);
    expect(await texts()).toBe(1);
    // A second run, and the job closed and reopened (queued again): nobody is texted again.
    expect(await sendJobAlerts(env.ctx)).toBe(0);
    await env.inject('PATCH', `/api/jobs/${job}`, { cookie: admin, body: { status: 'closed' } });
    const reopened = await env.inject('PATCH', `/api/jobs/${job}`, {
      cookie: admin,
      body: { status: 'open' },
    });
    expect(reopened.status).toBe(200);
    expect(await env.countRows('job_alert_queue')).toBe(1);
    expect(await sendJobAlerts(env.ctx)).toBe(0);
    expect(await env.countRows('job_alert_queue')).toBe(0);
    expect(await texts()).toBe(1);
  });

  it('holds the daily cap per seeker', async () => {
    for (let i = 0; i < ALERT_DAILY_CAP + 1; i += 1)
      await postJob(env, admin, jobBodyFor(env, enterprise, QINGNIAN, { title: `维修工${i}` }));
    await sendJobAlerts(env.ctx);
    const ofFits = (await alerts()).filter((a) => a.seeker_id === seekers.fits);
    // One from the test before, on the same day: the cap counts the day's alerts.
    expect(ofFits).toHaveLength(ALERT_DAILY_CAP);
    expect(await texts()).toBe(ALERT_DAILY_CAP);
    expect(await env.countRows('job_alert_queue')).toBe(0);
  });

  it('sends the texts to the fitting seeker’s phone, who can switch them off on the portal', async () => {
    const person = await env.database.db
      .selectFrom('job_seekers as s')
      .innerJoin('persons as p', 'p.id', 's.person_id')
      .select('p.phone_enc')
      .where('s.id', '=', seekers.fits)
      .executeTakeFirstOrThrow();
    const phone = env.ctx.crypto.decrypt('person.phone', person.phone_enc!);
    const sent = (await deliverTexts(env)).filter((m) => m.template === 'job_alert');
    expect(sent).toHaveLength(ALERT_DAILY_CAP);
    expect(new Set(sent.map((m) => m.phone))).toEqual(new Set([phone]));
    expect(sent[0]!.text).toContain('设备维修电工');

    expect((await env.inject('GET', '/api/portal/me/job-alerts')).status).toBe(401);
    const cookie = await residentLogin(env, phone);
    const before = await env.inject('GET', '/api/portal/me/job-alerts', { cookie });
    expect(before.body(myJobAlertsSchema)).toEqual({ registered: true, optOut: false });
    const bad = await env.inject('PUT', '/api/portal/me/job-alerts', { cookie, body: {} });
    expect(bad.status).toBe(400);
    const off = await env.inject('PUT', '/api/portal/me/job-alerts', { cookie, body: { optOut: true } });
    expect(off.body(myJobAlertsSchema)).toEqual({ registered: true, optOut: true });
    const row = await env.database.db
      .selectFrom('job_seekers')
      .select('sms_opt_out')
      .where('id', '=', seekers.fits)
      .executeTakeFirstOrThrow();
    expect(row.sms_opt_out).toBe(1);
  });
});
