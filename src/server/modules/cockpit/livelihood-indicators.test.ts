import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createHousehold, registerSeeker, seekerBodyFor } from '../jobs/testing.js';
import { completedCourse, createCourse, enroll, trainingWorld } from '../training/testing.js';
import { rebuildRollups, refreshSnapshots, rollupsRepository } from './index.js';

/*
 * Issue 18's cockpit figures not kept elsewhere: registered seekers still seeking, trainees and
 * those who completed a course — counted by the refresh job, agreeing with a rebuild.
 */
describeEachDialect('the cockpit’s seekers, trainees and completions', (env) => {
  let admin = '';
  const values = async (region: string) => {
    const response = await env.inject('GET', `/api/cockpit?region=${region}`, { cookie: admin });
    expect(response.status).toBe(200);
    return response.body(cockpitSchema).values;
  };

  beforeAll(async () => {
    admin = await env.loginAdmin();
  });

  it('counts the seekers registered, the people enrolled and those who completed, where they live', async () => {
    const world = await trainingWorld(env, QINGNIAN, 4);
    const grid = world.people[0]!.regionCode.slice(0, 14);
    // Three graduates of one course; a fourth person enrolled in another course not yet over.
    await completedCourse(
      env,
      world,
      world.people.slice(0, 3).map((p) => p.id),
    );
    const open = await createCourse(env, world.worker.cookie, QINGNIAN);
    await enroll(env, world.worker.cookie, open, world.people[3]!.id);
    const { personIds } = await createHousehold(env, grid, grid, [
      { name: '求职甲', gender: 'male', age: 35 },
      { name: '求职乙', gender: 'female', age: 42 },
    ]);
    for (const personId of personIds) await registerSeeker(env, admin, seekerBodyFor(personId));
    const completed = await env.database.db
      .selectFrom('training_enrollments')
      .select('person_id')
      .where('status', '=', 'completed')
      .execute();
    expect(completed.length).toBeGreaterThan(0);

    await refreshSnapshots(env.ctx);
    expect(await values(grid)).toMatchObject({
      job_seekers: 2,
      training_trainees: 4,
      training_completions: completed.length,
    });
    expect(await values(QINGNIAN)).toMatchObject({ job_seekers: 2, training_trainees: 4 });

    const kept = async () =>
      (await rollupsRepository.allOf(env.database.db, DISTRICT))
        .filter((row) => /^(job\.seekers|training\.)/.test(row.counter))
        .map((row) => ({ ...row, value: Number(row.value) }))
        .sort((a, b) => `${a.counter}${a.region_code}`.localeCompare(`${b.counter}${b.region_code}`));
    const refreshed = await kept();
    expect(refreshed.length).toBeGreaterThan(0);
    await rebuildRollups(env.ctx);
    expect(await kept()).toEqual(refreshed);
  });
});
