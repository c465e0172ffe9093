import { beforeAll, expect, it } from 'vitest';
import { workOrderSchema } from '../../../../shared/api/work-orders.js';
import { principalOf } from '../../../auth/principal.js';
import { SYSTEM_ACTOR } from '../../../bootstrap.js';
import { describeEachDialect } from '../../../testing/test-env.js';
import { sealAuditChains, verifyAuditChain } from '../../audit/index.js';
import { loginIn } from '../../member-workflows/testing.js';
import { importCountyRegions } from '../../regions/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../testing.js';
import { WorkOrdersService } from '../work-orders.service.js';

/** 索菲亚社区, 兆麟街道, 道里区: a place in another district of the same installation. */
const DAOLI_COMMUNITY = '230102001002';
/** Long enough for any commit on a busy machine; a request that waits on a lock never gets there. */
const NO_WAIT_MS = 15_000;

/** Fails instead of hanging when `work` waits for something the held transaction holds. */
function withoutWaiting<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} waited for the held intake`)), NO_WAIT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/*
 * No row every intake must lock (issue 19): the audit chain is sealed in the background, the number
 * is taken by a statement of its own, the cockpit's counters are inserted as deltas. So while one
 * intake's transaction is open, having written everything but not committed, other intakes of the
 * same district and of another one commit. PostgreSQL only: SQLite has one writer by design (its
 * transactions are savepoints of one group, see sqlite-group-commit.ts), so there the second
 * intake waits for the first's COMMIT, as it must.
 */
describeEachDialect('work orders: an intake held open before its commit', (env) => {
  let world: WorkOrderWorld;
  let daoliOperator = '';
  beforeAll(async () => {
    world = await workOrderWorld(env);
    await importCountyRegions(env.ctx, '230102', SYSTEM_ACTOR);
    daoliOperator = (await loginIn(env, { role: 'hotline_operator', regionCode: '230102' })).cookie;
  });

  /** The operator of the world as access control would make them for POST /api/work-orders. */
  async function operatorPrincipal() {
    const db = env.database.db;
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', world.operator.id)
      .executeTakeFirstOrThrow();
    const assignments = await db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    return principalOf({
      user,
      sessionId: 'held-open-test',
      assignments,
      actor: { id: user.id, name: user.username, ip: null, requestId: null },
      dialect: env.dialect,
      routePermission: 'workorder.intake',
    });
  }

  it.skipIf(env.dialect === 'sqlite')(
    'lets an intake of the same district and one of another district commit meanwhile',
    async () => {
      const intake = new WorkOrdersService(env.ctx).intake;
      const principal = await operatorPrincipal();
      let reachedCommit!: () => void;
      const atCommit = new Promise<void>((resolve) => {
        reachedCommit = resolve;
      });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const held = intake.within({ kind: 'staff', principal }, async (_trx, take) => {
        const order = await take({ ...elderlyCareOrder(world), channel: 'hotline' });
        reachedCommit();
        await gate;
        return order;
      });
      try {
        await atCommit;
        const [sameDistrict, otherDistrict] = await withoutWaiting(
          'an intake',
          Promise.all([
            env.inject('POST', '/api/work-orders', {
              cookie: world.operator.cookie,
              body: elderlyCareOrder(world),
            }),
            env.inject('POST', '/api/work-orders', {
              cookie: daoliOperator,
              body: elderlyCareOrder(world, { householdId: undefined, regionCode: DAOLI_COMMUNITY }),
            }),
          ]),
        );
        expect(sameDistrict.status).toBe(201);
        expect(otherDistrict.status).toBe(201);
        const same = sameDistrict.body(workOrderSchema);
        const other = otherDistrict.body(workOrderSchema);
        // Committed: another connection sees both, and not yet the held one.
        const visible = await env.database.db.selectFrom('work_orders').select('id').execute();
        expect(visible.map((row) => row.id)).toEqual(expect.arrayContaining([same.id, other.id]));
        expect(same.number).toMatch(/^230108-\d{8}-\d{4}$/);
        expect(other.number).toMatch(/^230102-\d{8}-0001$/);
      } finally {
        release();
      }
      const first = await held;
      expect(first.number).toMatch(/^230108-\d{8}-\d{4}$/);
      expect(await env.countRows('work_orders')).toBe(3);
      await sealAuditChains(env.ctx, { wait: true });
      expect(await verifyAuditChain(env.database.db, undefined)).toMatchObject({ ok: true, unsealed: 0 });
    },
  );
});
