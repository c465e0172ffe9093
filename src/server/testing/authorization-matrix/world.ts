import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { ROLE_NAMES, type RoleName } from '../../auth/permissions.js';
import type { SampleIds, TargetKind } from '../../http/authorization-matrix.js';
import {
  createMember,
  createOrganization,
  createResidents,
  memberWithLogin,
} from '../../modules/member-workflows/testing.js';
import { issueKey } from '../../modules/open311/testing.js';
import { newPhone, residentLogin } from '../../modules/portal/testing.js';
import { finishedImportJob } from '../../modules/register/testing.js';
import { timebankFixtures } from '../../modules/timebank/testing.js';
import { visitFixture } from '../../modules/visits/testing.js';
import { multipartFile } from '../multipart.js';
import { DISTRICT, QINGNIAN, SHANGHAI_XINCUN, type TestEnv, type TestResponse } from '../test-env.js';
import { programmeFixtures } from './programme-fixtures.js';

/** The fixtures need only the id of what they create, whatever the record's full shape. */
const created = z.object({ id: z.string() });
const idOf = (response: TestResponse): string => response.body(created).id;

/**
 * The records and sessions the authorization matrix test calls every route with: a session per
 * staff role at 青年社区, and for each target kind one record inside 青年社区 and one in 上海新村社区.
 */

/** Path parameter values that name one record. */
export type Params = Record<string, string>;

export const PLACEHOLDER_ID = '0190a0b0-0000-7000-8000-000000000000';
export const PLACEHOLDERS: Params = {
  id: PLACEHOLDER_ID,
  assignmentId: PLACEHOLDER_ID,
  householdId: PLACEHOLDER_ID,
  photoId: PLACEHOLDER_ID,
  code: '230108001999',
  date: '2026-10-08',
  district: '230108',
  file: 'nothing.json',
  format: 'json',
  month: '2026-01',
};

export interface MatrixWorld {
  /** A session for each staff role, assigned at 青年社区. */
  cookies: Record<RoleName, string>;
  passwords: Record<RoleName, { username: string; password: string }>;
  admin: string;
  /** For each target kind, the path parameters of one record inside 青年社区 and one in 上海新村社区. */
  fixtures: Partial<Record<TargetKind, { inside: Params; outside: Params }>>;
  /** For owned kinds: the session whose own record `inside` is. */
  owners: Partial<Record<TargetKind, string>>;
  userIds: Record<RoleName, string>;
  placeholderIds: SampleIds;
  /** Ids of records of each community, for bodies and queries. */
  samples: Record<string, SampleIds>;
  sampleInside: SampleIds;
  sampleOutside: SampleIds;
  /** A small PNG, for upload routes. */
  photo: string;
}

/** An empty world, filled by `buildMatrixWorld` in the test's `beforeAll`. */
export function newMatrixWorld(): MatrixWorld {
  const placeholderIds: SampleIds = {
    region: PLACEHOLDERS.code!,
    member: PLACEHOLDER_ID,
    person: PLACEHOLDER_ID,
    household: PLACEHOLDER_ID,
    organization: PLACEHOLDER_ID,
    branch: PLACEHOLDER_ID,
    otherBranch: PLACEHOLDER_ID,
    account: PLACEHOLDER_ID,
    otherAccount: PLACEHOLDER_ID,
  };
  return {
    cookies: {} as Record<RoleName, string>,
    passwords: {} as Record<RoleName, { username: string; password: string }>,
    admin: '',
    fixtures: {},
    owners: {},
    userIds: {} as Record<RoleName, string>,
    placeholderIds,
    samples: {},
    sampleInside: placeholderIds,
    sampleOutside: placeholderIds,
    photo: '',
  };
}

export async function buildMatrixWorld(env: TestEnv, m: MatrixWorld): Promise<void> {
  const { cookies, passwords, userIds, fixtures, owners, samples } = m;
  /** Both sides of one kind of fixture, built by `build` for a community. */
  const both = async (kind: TargetKind, build: (community: string) => Promise<Params>) => {
    fixtures[kind] = { inside: await build(QINGNIAN), outside: await build(SHANGHAI_XINCUN) };
  };

  await env.app.ready();
  const admin = await env.loginAdmin();
  m.admin = admin;
  for (const role of ROLE_NAMES) {
    const user = await env.createUser({ role, regionCode: QINGNIAN });
    passwords[role] = user;
    userIds[role] = user.id;
    cookies[role] = await env.login(user.username, user.password);
  }

  // A grid with a building: editable by the community's staff, and not deletable while it has one.
  await both('region', async (community) => {
    const grid = await env.createRegion(community, 'grid', '矩阵网格');
    await env.createRegion(grid, 'building', '1号楼');
    return { code: grid };
  });
  const residents: Record<string, Awaited<ReturnType<typeof createResidents>>> = {
    [QINGNIAN]: await createResidents(env, QINGNIAN, 4),
    [SHANGHAI_XINCUN]: await createResidents(env, SHANGHAI_XINCUN, 4),
  };
  const householdOf = async (personId: string) =>
    (
      await env.database.db
        .selectFrom('persons')
        .select('household_id')
        .where('id', '=', personId)
        .executeTakeFirstOrThrow()
    ).household_id!;
  const people = (community: string) => residents[community]!.people;
  await both('person', async (community) => ({ id: people(community)[0]!.id }));
  await both('household', async (community) => ({ id: await householdOf(people(community)[0]!.id) }));
  await both('user', async (community) => {
    const user = await env.createUser({ role: 'member', regionCode: community });
    const assignment = await env.database.db
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    return { id: user.id, assignmentId: assignment.id };
  });

  // Organizations, members, a member with an account (registrations, commitments), transfers.
  const organizations: Record<string, Params> = {};
  for (const community of [QINGNIAN, SHANGHAI_XINCUN]) {
    const branch = await createOrganization(env, { regionCode: community, name: `${community}第一党支部` });
    const second = await createOrganization(env, { regionCode: community, name: `${community}第二党支部` });
    const member = await createMember(env, { organization: branch, personId: people(community)[0]!.id });
    const moving = await createMember(env, { organization: branch, personId: people(community)[1]!.id });
    const withLogin = await memberWithLogin(env, {
      organization: branch,
      personId: people(community)[2]!.id,
    });
    const warmGroup = await createOrganization(env, {
      regionCode: community,
      name: `${community}暖心小组`,
      kind: 'warm_group',
    });
    organizations[community] = {
      id: warmGroup.id,
      householdId: await householdOf(people(community)[0]!.id),
    };
    const joined = await env.inject('POST', `/api/organizations/${warmGroup.id}/households`, {
      cookie: admin,
      body: { householdIds: [organizations[community]!.householdId] },
    });
    if (joined.status !== 200) throw new Error(`warm group: ${JSON.stringify(joined.json)}`);
    const registration = await env.inject('POST', '/api/me/registration', {
      cookie: withLogin.cookie,
      body: { communityCode: community, serviceAreas: ['社区环境'], commitment: '每月参加一次楼道清扫' },
    });
    if (registration.status !== 201) throw new Error(`registration: ${JSON.stringify(registration.json)}`);
    const commitment = await env.inject('POST', `/api/members/${withLogin.member.id}/commitments`, {
      cookie: withLogin.cookie,
      body: { year: new Date().getUTCFullYear(), content: '为独居老人每周上门一次' },
    });
    if (commitment.status !== 201) throw new Error(`commitment: ${JSON.stringify(commitment.json)}`);
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    })
      .format(env.now())
      .slice(0, 7);
    const transfer = await env.inject('POST', '/api/transfers', {
      cookie: admin,
      body: { memberId: moving.id, toOrganizationId: second.id, duesPaidUntil: month, letterValidDays: 30 },
    });
    if (transfer.status !== 201) throw new Error(`transfer: ${JSON.stringify(transfer.json)}`);
    const side = community === QINGNIAN ? 'inside' : 'outside';
    const accounts = await timebankFixtures(env, admin, community, [
      people(community)[0]!.id,
      people(community)[1]!.id,
    ]);
    samples[community] = {
      region: fixtures.region![side].code!,
      member: member.id,
      person: people(community)[3]!.id,
      household: organizations[community]!.householdId!,
      organization: warmGroup.id,
      branch: branch.id,
      otherBranch: second.id,
      account: accounts.account,
      otherAccount: accounts.otherAccount,
    };
    const set = (kind: TargetKind, params: Params) => {
      fixtures[kind] = { ...(fixtures[kind] ?? { inside: {}, outside: {} }), [side]: params };
    };
    set('organization', organizations[community]!);
    set('member', { id: member.id });
    set('registration', { id: idOf(registration) });
    set('commitment', { id: idOf(commitment) });
    set('transfer', { id: idOf(transfer) });
    set('timebank_account', { id: accounts.account });
    set('timebank_transfer', { id: accounts.transfer });
    set('timebank_post', { id: accounts.post });
    set('timebank_item', { id: accounts.item });
    set('own_member', { id: withLogin.member.id });
    set('own_commitment', { id: idOf(commitment) });
    if (side === 'inside') {
      owners.own_member = withLogin.cookie;
      owners.own_commitment = withLogin.cookie;
    }
  }
  await programmeFixtures(env, m, admin, (community) => people(community)[2]!.id);

  m.sampleInside = samples[QINGNIAN]!;
  m.sampleOutside = samples[SHANGHAI_XINCUN]!;

  // 大走访: a campaign over each community, and a visit there with a need and a change request.
  for (const community of [QINGNIAN, SHANGHAI_XINCUN]) {
    const side = community === QINGNIAN ? 'inside' : 'outside';
    const made = await visitFixture(env, admin, community, {
      id: samples[community]!.household,
      personId: people(community)[0]!.id,
    });
    const kinds: [TargetKind, string][] = [
      ['visit_campaign', made.campaign],
      ['visit', made.visit],
      ['visit_need', made.need],
      ['visit_change_request', made.changeRequest],
    ];
    for (const [kind, id] of kinds)
      fixtures[kind] = { ...(fixtures[kind] ?? { inside: {}, outside: {} }), [side]: { id } };
  }

  // Work orders, with a photo each.
  const photo = env.file('matrix.png');
  m.photo = photo;
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3070c0' } })
    .png()
    .toFile(photo);
  await both('work_order', async (community) => {
    const order = await env.inject('POST', '/api/work-orders', {
      cookie: admin,
      body: {
        categoryCode: 'livelihood.elderly_care',
        description: '独居老人家中暖气不热，需要上门查看',
        channel: 'hotline',
        householdId: await householdOf(people(community)[3]!.id),
        contactName: '王大爷',
        contactPhone: '13845671234',
      },
    });
    if (order.status !== 201) throw new Error(`work order: ${JSON.stringify(order.json)}`);
    return { id: idOf(order) };
  });
  await both('attachment', async (community) => {
    const form = multipartFile(photo);
    const side = community === QINGNIAN ? 'inside' : 'outside';
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/work-orders/${fixtures.work_order![side].id}/attachments`,
      headers: { ...form.headers, cookie: admin },
      payload: form.payload,
    });
    if (response.statusCode !== 201) throw new Error(`attachment: ${response.body}`);
    return { id: response.json().id };
  });

  // An import job in each community, with an error report (see finishedImportJob).
  await both('import_job', (community) => finishedImportJob(env, community));

  await both('hotline', async (community) => {
    const response = await env.inject('POST', '/api/hotlines', {
      cookie: admin,
      body: {
        number: community === QINGNIAN ? '0451-1001' : '0451-2002',
        name: '社区热线',
        regionCode: community,
      },
    });
    if (response.status !== 201) throw new Error(`hotline: ${JSON.stringify(response.json)}`);
    return { id: idOf(response) };
  });
  await both('open311_key', async (community) => ({ id: (await issueKey(env, admin, community)).id }));

  // An inbox message for the secretary (inside: theirs) and one for another account (outside).
  const message = async (userId: string) => {
    const id = uuidv7();
    const now = env.now().toISOString();
    await env.database.db
      .insertInto('notifications')
      .values({
        id,
        district_code: DISTRICT,
        channel: 'inbox',
        recipient_phone_enc: null,
        recipient_user_id: userId,
        template: 'order_urged',
        params: JSON.stringify({ number: 'GD-1', category: '独居老人照料', note: '请尽快处理' }),
        work_order_id: fixtures.work_order!.inside.id!,
        status: 'sent',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        sent_at: now,
        read_at: null,
        created_at: now,
      })
      .execute();
    return { id };
  };
  fixtures.own_notification = {
    inside: await message(userIds.secretary),
    outside: await message(fixtures.user!.outside.id!),
  };
  owners.own_notification = cookies.secretary;

  // A portal request with a photo from each of two residents.
  const residentRequest = async (cookie: string, regionCode: string) => {
    const submitted = await env.inject('POST', '/api/portal/requests', {
      cookie,
      body: {
        categoryCode: 'livelihood.repair',
        description: '楼道里的水管漏水，地面结冰很滑',
        regionCode,
      },
    });
    if (submitted.status !== 201) throw new Error(`portal request: ${JSON.stringify(submitted.json)}`);
    const form = multipartFile(photo);
    const uploaded = await env.app.inject({
      method: 'POST',
      url: `/api/portal/requests/${idOf(submitted)}/photos`,
      headers: { ...form.headers, cookie },
      payload: form.payload,
    });
    if (uploaded.statusCode !== 201) throw new Error(`portal photo: ${uploaded.body}`);
    return { id: idOf(submitted), photoId: created.parse(uploaded.json()).id };
  };
  const alice = await residentLogin(env, newPhone());
  const bob = await residentLogin(env, newPhone());
  fixtures.resident_request = {
    inside: await residentRequest(alice, fixtures.region!.inside.code!),
    outside: await residentRequest(bob, fixtures.region!.outside.code!),
  };
  owners.resident_request = alice;
}
