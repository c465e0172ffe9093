import { expect, it } from 'vitest';
import { complianceSchema, meetingTaskPageSchema } from '../../shared/api/meetings.js';
import { beijingToday, meetingWorld, previousQuarter, quarterOfDay } from '../modules/meetings/testing.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../testing/test-env.js';
import { buildDemoMeetings } from './demo-meetings.js';

describeEachDialect(
  'demo meetings: a year of 三会一课 with some missed, through the module’s services',
  (env) => {
    it('holds most required meetings, leaves some unheld, and the missed ones of last quarter become tasks', async () => {
      const worlds = [
        await meetingWorld(env, QINGNIAN, { members: 3 }),
        await meetingWorld(env, QINGNIAN, { members: 3 }),
      ];
      await buildDemoMeetings(env.ctx, DISTRICT, QINGNIAN);
      expect(await env.countRows('meetings')).toBeGreaterThan(20);
      const admin = await env.loginAdmin();
      const last = previousQuarter(quarterOfDay(beijingToday(env)));
      const figures = await env.inject('GET', `/api/meeting-compliance?quarter=${last}&region=${QINGNIAN}`, {
        cookie: admin,
      });
      const rows = figures
        .body(complianceSchema)
        .items.filter((row) => worlds.some((w) => w.branch.id === row.organizationId));
      expect(rows).toHaveLength(2);
      const held = rows.reduce((sum, row) => sum + row.held, 0);
      const missed = rows.reduce((sum, row) => sum + row.missed, 0);
      // A branch owes 5 a quarter under the default rules (支委会 ×3, 党员大会, 党课).
      expect(held + missed).toBe(10);
      expect(held).toBeGreaterThan(0);
      for (const row of rows) {
        const tasks = await env.inject(
          'GET',
          `/api/meeting-tasks?organization=${row.organizationId}&source=missed_meeting&limit=200`,
          {
            cookie: admin,
          },
        );
        const periods = tasks.body(meetingTaskPageSchema).items.map((t) => `${t.meetingType}@${t.period}`);
        for (const slot of row.slots.filter((s) => s.state === 'missed'))
          expect(periods).toContain(`${slot.type}@${slot.period}`);
      }
    }, 120_000);
  },
);
