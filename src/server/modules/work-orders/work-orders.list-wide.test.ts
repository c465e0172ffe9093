import { v7 as uuidv7 } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import { workOrderPageSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';

/**
 * The list of all orders for a scope holding most of them: SQLite then walks the newest-first
 * index instead of sorting the scope's range (see walkIsCheaper in the repository; a grid with
 * one order of 1,100 keeps its range). The pages must be the same either way: every order in
 * scope or given to the caller in person, newest first, ties on the time broken by id, each once.
 */
describeEachDialect('work orders: the list of a scope with many orders', (env) => {
  let world: WorkOrderWorld;
  let inPerson: string;
  beforeAll(async () => {
    world = await workOrderWorld(env);
    const created = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    expect(created.status).toBe(201);
    const { db } = env.database;
    const template = await db
      .selectFrom('work_orders')
      .selectAll()
      .where('id', '=', created.body(workOrderSchema).id)
      .executeTakeFirstOrThrow();
    // 1,100 more orders at the world's household, written directly (the API would take minutes),
    // three to each millisecond so that ties on created_at need the id to break them.
    const base = Date.parse('2026-03-02T08:00:00.000Z');
    const rows = Array.from({ length: 1100 }, (_, i) => {
      const at = new Date(base + Math.floor(i / 3)).toISOString();
      return {
        ...template,
        id: uuidv7(),
        number: `20260302-${String(i + 2).padStart(4, '0')}`,
        created_at: at,
        updated_at: at,
      };
    });
    // One of them in another grid, given to this grid's worker in person: theirs to see.
    const last = rows.at(-1)!;
    last.region_code = world.otherGrid;
    last.household_id = null;
    last.assignee_user_id = world.worker.id;
    inPerson = last.id;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 100)
        await trx
          .insertInto('work_orders')
          .values(rows.slice(i, i + 100))
          .execute();
    });
  });

  /** Every page of `all`, 150 at a time, following the cursor. */
  const pages = async (cookie: string) => {
    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await env.inject('GET', `/api/work-orders?limit=150${cursor ? `&cursor=${cursor}` : ''}`, {
        cookie,
      });
      expect(page.status).toBe(200);
      const { items, nextCursor } = page.body(workOrderPageSchema);
      seen.push(...items);
      cursor = nextCursor;
    } while (cursor);
    return seen;
  };

  /** What the list must hold, read straight from the table and sorted here. */
  const expected = async (regionPrefix: string, userId: string | null) => {
    const rows = await env.database.db
      .selectFrom('work_orders')
      .select(['id', 'created_at', 'region_code', 'assignee_user_id'])
      .execute();
    return rows
      .filter((r) => r.region_code.startsWith(regionPrefix) || (userId && r.assignee_user_id === userId))
      .sort((a, b) =>
        a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
      )
      .map((r) => r.id);
  };

  it('pages a district newest first, ties by id, each order once', async () => {
    const seen = await pages(world.admin);
    expect(seen.map((o) => o.id)).toEqual(await expected(world.gridCode.slice(0, 6), null));
    expect(seen.length).toBeGreaterThan(1100);
  });

  it('shows a grid worker their grid and what was given to them in person elsewhere', async () => {
    const seen = (await pages(world.worker.cookie)).map((o) => o.id);
    expect(seen).toEqual(await expected(world.gridCode, world.worker.id));
    expect(seen).toContain(inPerson);
  });

  it('shows a narrow scope only its own orders', async () => {
    const seen = (await pages(world.outsider.cookie)).map((o) => o.id);
    expect(seen).toEqual(await expected(world.otherGrid, world.outsider.id));
    expect(seen).toContain(inPerson);
    expect(seen.length).toBeLessThan(10);
  });
});
