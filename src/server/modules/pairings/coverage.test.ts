import { beforeAll, expect, it } from 'vitest';
import {
  pairingCoverageSchema,
  pairingDetailSchema,
  uncoveredPageSchema,
} from '../../../shared/api/pairings.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { endPairingsOfUntaggedHouseholds } from './index.js';
import { type PairingWorld, pair, pairingWorld, tagHousehold } from './testing.js';

/**
 * Coverage by hand: 青年社区's new grid has 3 households in difficulty, 上海新村社区's 1. Pairing
 * one of 青年社区's gives 1/3 there (333‰), 0/1 in 上海新村, 1/4 on 兴建街道 (250‰).
 */
describeEachDialect(
  'pairings: coverage of households in difficulty, the uncovered list, tag removal',
  (env) => {
    let world: PairingWorld;
    let other: PairingWorld;
    let admin = '';
    let pairingId = '';

    beforeAll(async () => {
      world = await pairingWorld(env, QINGNIAN, 14, 3);
      other = await pairingWorld(env, SHANGHAI_XINCUN, 4, 1);
      admin = await env.loginAdmin();
      pairingId = await pair(env, world.gridWorker.cookie, world.secretary.id, world.households[0]!.id);
    });

    const coverageOf = async (cookie: string, region: string) => {
      const r = await env.inject('GET', `/api/pairing-coverage?region=${region}`, { cookie });
      expect(r.status).toBe(200);
      return r.body(pairingCoverageSchema);
    };

    it('counts tagged households with an active pairing over all of them, rolled up the region tree', async () => {
      const street = await coverageOf(admin, XINGJIAN_STREET);
      expect(street.region).toMatchObject({
        regionCode: XINGJIAN_STREET,
        households: 4,
        covered: 1,
        perMille: 250,
      });
      const byCode = new Map(street.children.map((c) => [c.regionCode, c]));
      expect(byCode.get(QINGNIAN)).toMatchObject({ households: 3, covered: 1, perMille: 333 });
      expect(byCode.get(SHANGHAI_XINCUN)).toMatchObject({ households: 1, covered: 0, perMille: 0 });
      const quiet = street.children.filter(
        (c) => c.regionCode !== QINGNIAN && c.regionCode !== SHANGHAI_XINCUN,
      );
      expect(quiet.every((c) => c.households === 0 && c.perMille === null)).toBe(true);

      const community = await coverageOf(world.secretary.cookie, QINGNIAN);
      expect(community.children.find((c) => c.regionCode === world.gridCode)).toMatchObject({
        households: 3,
        covered: 1,
      });
      // A secretary of 青年社区 asking for the street sees their own part of it only.
      const narrowed = await coverageOf(world.secretary.cookie, XINGJIAN_STREET);
      expect(narrowed.region).toMatchObject({ households: 3, covered: 1 });
      expect(narrowed.children.map((c) => c.regionCode)).toEqual([QINGNIAN]);
      expect(
        (
          await env.inject('GET', `/api/pairing-coverage?region=${SHANGHAI_XINCUN}`, {
            cookie: world.secretary.cookie,
          })
        ).status,
      ).toBe(404);
    });

    it('lists the uncovered households with their tags, and pairing one takes it off the list', async () => {
      const list = async () =>
        (
          await env.inject('GET', `/api/pairing-coverage/uncovered?region=${QINGNIAN}`, {
            cookie: world.secretary.cookie,
          })
        ).body(uncoveredPageSchema).items;
      const before = await list();
      expect(before.map((h) => h.id)).toEqual([world.households[1]!.id, world.households[2]!.id]);
      expect(before[0]!.tags).toEqual(['低保户']);
      const place = await env.database.db
        .selectFrom('regions')
        .select('name')
        .where('code', '=', world.households[1]!.regionCode)
        .executeTakeFirstOrThrow();
      expect(before[0]!.placeName).toBe(place.name);
      await tagHousehold(env, world.households[1]!.headId, '特困');
      expect((await list())[0]!.tags).toEqual(['低保户', '特困']);

      const paired = await pair(env, world.secretary.cookie, world.secretary.id, world.households[2]!.id);
      expect((await list()).map((h) => h.id)).toEqual([world.households[1]!.id]);
      expect((await coverageOf(world.secretary.cookie, QINGNIAN)).region).toMatchObject({
        covered: 2,
        perMille: 666,
      });
      const ended = await env.inject('POST', `/api/pairings/${paired}/end`, {
        cookie: world.secretary.cookie,
        body: { reason: 'reassigned', note: '换人帮扶', endedOn: '2026-01-06' },
      });
      expect(ended.status).toBe(200);
      expect((await list()).map((h) => h.id)).toEqual([world.households[1]!.id, world.households[2]!.id]);
    });

    it('ends the pairing of a household whose difficulty tag is removed, with the reason', async () => {
      const head = world.households[0]!.headId;
      const removed = await env.inject('PATCH', `/api/persons/${head}`, {
        cookie: world.secretary.cookie,
        body: { tags: [] },
      });
      expect(removed.status).toBe(200);
      // Every resident of the household has lost the tag; the sweeper ends the pairing once.
      expect(await endPairingsOfUntaggedHouseholds(env.ctx)).toEqual([pairingId]);
      expect(await endPairingsOfUntaggedHouseholds(env.ctx)).toEqual([]);
      const detail = (
        await env.inject('GET', `/api/pairings/${pairingId}`, { cookie: world.secretary.cookie })
      ).body(pairingDetailSchema);
      expect(detail).toMatchObject({ status: 'ended', endReason: 'tag_removed' });
      expect(detail.endNote).toContain('困难标签已移除');
      const community = await coverageOf(world.secretary.cookie, QINGNIAN);
      expect(community.region).toMatchObject({ households: 2, covered: 0, perMille: 0 });
      void other;
    });
  },
);
