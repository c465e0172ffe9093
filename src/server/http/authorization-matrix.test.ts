import { beforeAll, expect, it } from 'vitest';
import { ROLE_NAMES, type RoleName } from '../auth/permissions.js';
import { createResidents } from '../modules/member-workflows/testing.js';
import {
  fontMissing,
  matrixRequests,
  refusalOf,
  routeKey,
  serverError,
} from '../testing/authorization-matrix/requests.js';
import { buildMatrixWorld, newMatrixWorld, type Params } from '../testing/authorization-matrix/world.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../testing/test-env.js';
import {
  AUTHORIZATION_MATRIX,
  expectedFor,
  type MatrixRow,
  reachesTarget,
  type SampleIds,
  type TargetKind,
} from './authorization-matrix.js';

/**
 * Records found through their caller rather than a region: "inside" is the caller's own, "outside"
 * somebody else's, checked with the owner's session in their own test below.
 */
const OWNED_KINDS: readonly TargetKind[] = [
  'own_notification',
  'own_member',
  'own_commitment',
  'resident_request',
  'own_volunteer_signup',
  'own_volunteer_certificate',
  'resident_volunteer_signup',
  'resident_volunteer_certificate',
  'own_job_recommendation',
  'resident_training_enrollment',
  'own_work_log',
  'own_contact_point',
];

/** Target kinds whose outside-scope check is still to be built (printed on every run; keep empty). */
const OUTSIDE_CHECK_TO_BUILD: readonly TargetKind[] = [];

/**
 * Real defects the matrix found that are not fixed yet, as `METHOD /url role phase` (phase: one of
 * permission, outside, list, mixed, inside, own-outside, own-inside, others-own, global; the role is
 * `owner` for the own-* phases). Each must still fail; one that passes must be removed here.
 */
const KNOWN_FAILURES: readonly string[] = [];

describeEachDialect('authorization matrix', (env) => {
  /** Sessions and records of both communities, built once (see testing/authorization-matrix/world.ts). */
  const m = newMatrixWorld();
  const { send, checksum } = matrixRequests(env, m);
  beforeAll(() => buildMatrixWorld(env, m), 120_000);

  /** A new record of a kind inside 青年社区, for requests that use theirs up. */
  const freshInside = async (kind: TargetKind): Promise<Params> => {
    if (kind !== 'person') throw new Error(`no fresh fixture for ${kind}`);
    return { id: (await createResidents(env, QINGNIAN, 1)).people[0]!.id };
  };

  /** Routes whose record lies in a region: named by their path, body or query. */
  const scopedRows = () =>
    staffRows().filter(
      ([, row]) =>
        (row.target !== 'none' || row.scopedBy !== undefined) &&
        row.target !== 'global' &&
        !OWNED_KINDS.includes(row.target) &&
        !OUTSIDE_CHECK_TO_BUILD.includes(row.target),
    );
  const regionQuery = (row: MatrixRow, ids: SampleIds) =>
    typeof row.scopedBy === 'object'
      ? `?${row.scopedBy.query}=${ids.region}${row.scopedBy.also ? `&${row.scopedBy.also}` : ''}`
      : '';

  const rows = () => Object.entries(AUTHORIZATION_MATRIX);
  const staffRows = () => rows().filter(([key, row]) => row.access !== 'public' && key.includes(' /api/'));
  /** Fails on any failure not listed in KNOWN_FAILURES, and on a listed one that no longer fails. */
  const settle = (wrong: readonly string[], phases: readonly string[]) => {
    const found = wrong.map((entry) => entry.split(' → ')[0]!);
    const known = KNOWN_FAILURES.filter((entry) => phases.includes(entry.split(' ').at(-1)!));
    expect(wrong.filter((_, i) => !known.includes(found[i]!))).toEqual([]);
    expect(
      known.filter((entry) => !found.includes(entry)),
      'fixed: remove from KNOWN_FAILURES',
    ).toEqual([]);
  };

  it('lists exactly the routes the app registers, each with the access the route declares', () => {
    const declared = new Map(
      env.app
        .declaredRoutes()
        .filter((r) => r.method !== 'HEAD')
        .map((r) => [
          routeKey(r.method, r.url),
          r.config.public ? 'public' : (r.config.permission ?? 'undeclared'),
        ]),
    );
    const missing = [...declared.keys()].filter((key) => !(key in AUTHORIZATION_MATRIX));
    const extra = Object.keys(AUTHORIZATION_MATRIX).filter((key) => !declared.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    const differing = rows()
      .filter(([key, row]) => declared.get(key) !== row.access)
      .map(([key, row]) => `${key}: table says ${row.access}, route declares ${declared.get(key)}`);
    expect(differing).toEqual([]);
  });

  it('answers 403 exactly when the role lacks the permission, 401 to staff on resident routes, never 500', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const role of ROLE_NAMES) {
      for (const [key, row] of staffRows()) {
        let cookie = m.cookies[role];
        if (row.selfAffecting)
          cookie = await env.login(m.passwords[role].username, m.passwords[role].password);
        const response = await send(key, row, cookie, {}, m.sampleInside);
        calls += 1;
        const status = response.statusCode;
        const expected = expectedFor(role, row);
        const ok =
          !serverError(response) &&
          (expected === 'unauthenticated'
            ? status === 401
            : expected === 'forbidden'
              ? status === 403
              : status !== 401 && (status !== 403 || row.target === 'global'));
        if (!ok) wrong.push(`${key} ${role} permission → ${status} (expected ${expected})`);
      }
    }
    expect(calls).toBeGreaterThan(600);
    settle(wrong, ['permission']);
  }, 240_000); // every route × every role: minutes on PostgreSQL on a busy machine

  it('answers 404 outside the scope for every targeted route and role, and writes nothing', async () => {
    const notYet = [...new Set(rows().map(([, row]) => row.target))].filter((kind) =>
      OUTSIDE_CHECK_TO_BUILD.includes(kind),
    );
    if (notYet.length > 0)
      console.warn(`authorization matrix: outside-scope check still to build for ${notYet.join(', ')}`);
    const wrong: string[] = [];
    const detail: string[] = [];
    const undetermined: string[] = [];
    let checked = 0;
    for (const [key, row] of scopedRows()) {
      const fixture = row.target === 'none' ? { inside: {}, outside: {} } : m.fixtures[row.target];
      expect(fixture, `fixture for ${row.target}`).toBeDefined();
      for (const role of ROLE_NAMES) {
        if (!reachesTarget(role, row)) continue;
        const mutation = !key.startsWith('GET ');
        const before = mutation ? await checksum() : '';
        // A route scoped by its path gets an outside record there; one scoped by its body or
        // query gets the outside community's ids there (and nothing else changes).
        const response =
          row.target !== 'none'
            ? await send(key, row, m.cookies[role], fixture!.outside, m.sampleInside)
            : await send(key, row, m.cookies[role], {}, m.sampleOutside, regionQuery(row, m.sampleOutside));
        checked += 1;
        if (fontMissing(response)) {
          undetermined.push(`${key} ${role}`);
        } else if (row.scopedBy === 'body' && response.statusCode === 400) {
          // A record named in a body may be refused as a field error, exactly as one that does
          // not exist is (no oracle): compare with the answer for ids that name nothing.
          const nowhere = await send(key, row, m.cookies[role], {}, m.placeholderIds);
          if (refusalOf(nowhere) !== refusalOf(response))
            wrong.push(`${key} ${role} outside → ${refusalOf(response)} but nothing → ${refusalOf(nowhere)}`);
        } else if (response.statusCode !== 404) {
          detail.push(`${key} ${role} outside → ${response.statusCode} ${response.body.slice(0, 200)}`);
          wrong.push(`${key} ${role} outside → ${response.statusCode}`);
        }
        if (mutation && (await checksum()) !== before)
          wrong.push(`${key} ${role} outside → wrote to the database`);
      }
    }
    expect(checked).toBeGreaterThan(60);
    if (detail.length > 0) console.warn(detail.join('\n'));
    if (undetermined.length > 0)
      console.warn(
        `authorization matrix: no Chinese font on this host, PDF scope unchecked: ${undetermined.join(', ')}`,
      );
    settle(wrong, ['outside']);
  }, 360_000); // a checksum of every table around each mutation: slow on PostgreSQL on a busy machine

  it('lists nothing of another community', async () => {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const outsideIds = new Set(
      [
        ...Object.entries(m.fixtures)
          .filter(([kind]) => !OWNED_KINDS.includes(kind as TargetKind))
          .flatMap(([, fixture]) => Object.values(fixture.outside)),
        ...Object.values(m.sampleOutside),
      ].filter((value) => UUID.test(value)),
    );
    expect(outsideIds.size).toBeGreaterThanOrEqual(10);
    const wrong: string[] = [];
    let checked = 0;
    const lists = staffRows().filter(
      ([key, row]) => key.startsWith('GET ') && row.target === 'none' && !row.listsWholeDistrict,
    );
    for (const [key, row] of lists) {
      for (const role of ROLE_NAMES) {
        if (!reachesTarget(role, row)) continue;
        const response = await send(key, row, m.cookies[role], {}, m.sampleInside);
        checked += 1;
        const shown = [...outsideIds].filter((id) => response.body.includes(id));
        if (shown.length > 0) wrong.push(`${key} ${role} list → shows ${shown.join(', ')}`);
      }
    }
    expect(checked).toBeGreaterThan(60);
    settle(wrong, ['list']);
  });

  it('refuses a body naming another community’s record on an own record, as if it did not exist', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const mixed = scopedRows().filter(
      ([, row]) =>
        row.target !== 'none' &&
        row.body !== undefined &&
        JSON.stringify(row.body(m.sampleInside)) !== JSON.stringify(row.body(m.sampleOutside)),
    );
    for (const [key, row] of mixed) {
      for (const role of ROLE_NAMES) {
        if (!reachesTarget(role, row)) continue;
        const before = await checksum();
        const inside = m.fixtures[row.target]!.inside;
        const response = await send(key, row, m.cookies[role], inside, m.sampleOutside);
        checked += 1;
        if (response.statusCode !== 404) {
          const nowhere = await send(key, row, m.cookies[role], inside, m.placeholderIds);
          if (refusalOf(nowhere) !== refusalOf(response))
            wrong.push(`${key} ${role} mixed → ${refusalOf(response)} but nothing → ${refusalOf(nowhere)}`);
        }
        if ((await checksum()) !== before) wrong.push(`${key} ${role} mixed → wrote to the database`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    settle(wrong, ['mixed']);
  });

  it('serves every targeted route inside the scope to each role holding its permission', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const targeted = scopedRows();
    const check = async (key: string, row: MatrixRow, role: RoleName) => {
      const params =
        row.target === 'none'
          ? {}
          : row.consumes
            ? await freshInside(row.target)
            : m.fixtures[row.target]!.inside;
      const response = await send(
        key,
        row,
        m.cookies[role],
        params,
        m.sampleInside,
        regionQuery(row, m.sampleInside),
      );
      checked += 1;
      const status = response.statusCode;
      const ok = key.startsWith('GET ')
        ? status === 200 || (!serverError(response) && status === 503)
        : !serverError(response) && status !== 403 && status !== 404;
      if (!ok) wrong.push(`${key} ${role} inside → ${status} ${response.body.slice(0, 120)}`);
    };
    // Reads first, so that no mutation (an anonymization, a revoked key) hides a read's record;
    // then each role's mutations in table order, so one that undoes another (add and remove a
    // household) runs as a pair for each role.
    for (const [key, row] of targeted.filter(([key]) => key.startsWith('GET ')))
      for (const role of ROLE_NAMES) if (reachesTarget(role, row)) await check(key, row, role);
    for (const role of ROLE_NAMES)
      for (const [key, row] of targeted.filter(([key]) => !key.startsWith('GET ')))
        if (reachesTarget(role, row)) await check(key, row, role);
    expect(checked).toBeGreaterThan(60);
    settle(wrong, ['inside']);
  }, 180_000);

  it('answers 404 for somebody else’s own record, and serves the caller’s own', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [key, row] of rows().filter(([, row]) => OWNED_KINDS.includes(row.target))) {
      const owner = m.owners[row.target];
      const fixture = m.fixtures[row.target];
      expect(owner, `owner of ${row.target}`).toBeDefined();
      const mutation = !key.startsWith('GET ');
      const before = mutation ? await checksum() : '';
      const outside = await send(key, row, owner!, fixture!.outside, m.sampleInside);
      checked += 1;
      if (outside.statusCode !== 404) wrong.push(`${key} owner own-outside → ${outside.statusCode}`);
      if (mutation && (await checksum()) !== before)
        wrong.push(`${key} owner own-outside → wrote to the database`);
      const inside = await send(key, row, owner!, fixture!.inside, m.sampleInside);
      const status = inside.statusCode;
      // Nobody else's session finds it: a staff member's message is theirs alone.
      if (row.target === 'own_notification')
        for (const role of ROLE_NAMES.filter((role) => m.cookies[role] !== owner)) {
          const other = await send(key, row, m.cookies[role], fixture!.inside, m.sampleInside);
          if (other.statusCode !== 404) wrong.push(`${key} ${role} others-own → ${other.statusCode}`);
        }
      const ok = key.startsWith('GET ')
        ? status === 200
        : !serverError(inside) && status !== 403 && status !== 404;
      if (!ok) wrong.push(`${key} owner own-inside → ${status} ${inside.body.slice(0, 120)}`);
    }
    expect(checked).toBeGreaterThanOrEqual(7);
    settle(wrong, ['own-outside', 'own-inside', 'others-own']);
  });

  it('lets only the installation’s district admins change installation-wide settings', async () => {
    const districtAdmin = m.admin; // bootstrap's admin holds district_admin on the installation district
    expect(DISTRICT).toBe(env.config.districtCode);
    const globals = staffRows().filter(([, row]) => row.target === 'global');
    expect(globals.length).toBeGreaterThanOrEqual(4);
    const wrong: string[] = [];
    const params: Params = { code: 'livelihood.elderly_care', date: '2026-10-09', district: DISTRICT };
    for (const [key, row] of globals) {
      for (const role of ROLE_NAMES) {
        const before = await checksum();
        const response = await send(key, row, m.cookies[role], params, m.sampleInside);
        if (response.statusCode !== 403)
          wrong.push(`${key} ${role} global → ${response.statusCode} at 青年社区`);
        if ((await checksum()) !== before) wrong.push(`${key} ${role} global → wrote to the database`);
      }
    }
    // The installation's own district admin: served (business rules may still refuse).
    for (const [key, row] of globals) {
      const response = await send(key, row, districtAdmin, params, m.sampleInside);
      if (response.statusCode >= 500 || [401, 403, 404].includes(response.statusCode))
        wrong.push(
          `${key} installation-admin global → ${response.statusCode} ${response.body.slice(0, 120)}`,
        );
    }
    settle(wrong, ['global']);
  }, 120_000); // every settings route against every role, each change checksummed
});
