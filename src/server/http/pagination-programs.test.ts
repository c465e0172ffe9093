import { beforeAll, expect } from 'vitest';
import {
  campaignPageSchema,
  changeRequestPageSchema,
  type VisitTarget,
  visitPageSchema,
  visitTargetPageSchema,
} from '../../shared/api/visits.js';
import { activityPageSchema, teamPageSchema, volunteerPageSchema } from '../../shared/api/volunteering.js';
import { createOrganization, createResidents } from '../modules/member-workflows/testing.js';
import { newPhone } from '../modules/portal/testing.js';
import { createCampaign, householdsOf, visitBody } from '../modules/visits/testing.js';
import { createActivity, volunteerWorld } from '../modules/volunteering/testing.js';
import {
  byId,
  byKey,
  idsAscending,
  idsDescending,
  type PagedList,
  walkEachList,
} from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** A household of a campaign has no id of its own: the pair is the key, as in the route's cursor. */
const targetKey = (target: VisitTarget) => `${target.campaignId} ${target.householdId}`;
/** The route's order of targets: the newest campaign first, then its households by id. */
const targetOrder = (a: string, b: string) => {
  const [campaignA = '', householdA = ''] = a.split(' ');
  const [campaignB = '', householdB = ''] = b.split(' ');
  return idsDescending(campaignA, campaignB) || idsAscending(householdA, householdB);
};

/**
 * The paging lists of 大走访 and volunteering walked page by page on both databases, over at least
 * three rows each, made through the API by the modules' own fixtures.
 */
describeEachDialect('visit and volunteering lists, walked page by page', (env) => {
  let admin = '';
  let visitor = '';

  beforeAll(async () => {
    admin = await env.loginAdmin();
    const residents = await createResidents(env, QINGNIAN, 12);
    const households = await householdsOf(
      env,
      residents.people.map((person) => person.id),
    );
    expect(households.length).toBeGreaterThanOrEqual(3);
    const campaigns: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const campaign = await createCampaign(env, admin, {
        regionCode: residents.gridCode,
        name: `大走访第${round}轮`,
      });
      campaigns.push(campaign.id);
    }
    // A grid worker given households of two campaigns: their own round crosses campaigns.
    const worker = await env.loginAs({ role: 'grid_worker', regionCode: residents.gridCode });
    visitor = worker.cookie;
    const assignments: [string, string[]][] = [
      [campaigns[0]!, households.slice(0, 3).map((household) => household.id)],
      [campaigns[2]!, [households[1]!.id]],
    ];
    for (const [campaign, householdIds] of assignments) {
      const given = await env.inject('POST', `/api/visit-campaigns/${campaign}/assignments`, {
        cookie: admin,
        body: { householdIds, visitorUserId: worker.id },
      });
      expect(given.status).toBe(200);
    }
    // Each visit sees a new phone number: a change request for the community to confirm.
    for (const household of households.slice(0, 3)) {
      const visited = await env.inject('POST', '/api/visits', {
        cookie: admin,
        body: visitBody(env, household.id, {
          changes: [{ kind: 'new_phone', personId: household.personId, value: newPhone() }],
        }),
      });
      expect(visited.status).toBe(201);
    }

    const world = await volunteerWorld(env, QINGNIAN, 3);
    for (const name of ['青年社区助老队', '青年社区环保队']) {
      await createOrganization(env, { regionCode: QINGNIAN, name, kind: 'volunteer_team' });
    }
    for (let day = 1; day <= 3; day++)
      await createActivity(env, admin, world.team.id, { startsIn: day * 24 });
  });

  const lists: PagedList[] = [
    {
      name: 'visit campaigns (newest first)',
      route: '/api/visit-campaigns',
      url: `/api/visit-campaigns?region=${QINGNIAN}`,
      cookie: () => admin,
      max: 200,
      read: byId(campaignPageSchema),
      order: idsDescending,
    },
    {
      name: 'households of campaigns in scope',
      route: '/api/visit-targets',
      url: '/api/visit-targets?',
      cookie: () => admin,
      max: 200,
      read: byKey(visitTargetPageSchema, targetKey),
      order: targetOrder,
    },
    {
      name: 'my households to visit',
      route: '/api/me/visit-targets',
      url: '/api/me/visit-targets?',
      cookie: () => visitor,
      max: 200,
      read: byKey(visitTargetPageSchema, targetKey),
      order: targetOrder,
    },
    {
      name: 'visits (newest first)',
      route: '/api/visits',
      url: `/api/visits?region=${QINGNIAN}`,
      cookie: () => admin,
      max: 200,
      read: byId(visitPageSchema),
      order: idsDescending,
    },
    {
      name: 'register changes seen on visits (newest first)',
      route: '/api/visit-change-requests',
      url: '/api/visit-change-requests?status=pending',
      cookie: () => admin,
      max: 200,
      read: byId(changeRequestPageSchema),
      order: idsDescending,
    },
    {
      name: 'volunteer teams',
      route: '/api/volunteer-teams',
      url: `/api/volunteer-teams?region=${QINGNIAN}`,
      cookie: () => admin,
      max: 200,
      read: byId(teamPageSchema),
      order: idsAscending,
    },
    {
      name: 'volunteers',
      route: '/api/volunteers',
      url: '/api/volunteers?',
      cookie: () => admin,
      max: 200,
      read: byId(volunteerPageSchema),
      order: idsAscending,
    },
    {
      name: 'volunteer activities (newest first)',
      route: '/api/volunteer-activities',
      url: '/api/volunteer-activities?',
      cookie: () => admin,
      max: 200,
      read: byId(activityPageSchema),
      order: idsDescending,
    },
  ];

  walkEachList(env, 'pagination-programs.test.ts', lists);
});
