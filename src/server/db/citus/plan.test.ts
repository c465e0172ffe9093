import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog.js';
import { foreignKeyFate, planDistribution, treatmentOf } from './plan.js';

/** A small catalogue shaped like Lianxin's: a reference table, a parent, a child, a coordinator table. */
const catalog = (overrides: Partial<Catalog> = {}): Catalog => ({
  tables: [
    { name: 'regions', hasDistrictCode: true, citusType: null },
    { name: 'work_orders', hasDistrictCode: true, citusType: null },
    { name: 'work_order_events', hasDistrictCode: true, citusType: null },
    { name: 'sessions', hasDistrictCode: false, citusType: null },
  ],
  keys: [
    { table: 'work_orders', name: 'work_orders_pkey', kind: 'primary', columns: ['id'] },
    {
      table: 'work_orders',
      name: 'work_orders_number',
      kind: 'unique',
      columns: ['district_code', 'number'],
    },
    { table: 'work_order_events', name: 'work_order_events_pkey', kind: 'primary', columns: ['id'] },
  ],
  foreignKeys: [
    {
      table: 'work_order_events',
      name: 'events_fk',
      columns: ['work_order_id'],
      refTable: 'work_orders',
      refColumns: ['id'],
      onDelete: 'c',
    },
    {
      table: 'work_orders',
      name: 'region_fk',
      columns: ['region_code'],
      refTable: 'regions',
      refColumns: ['code'],
      onDelete: 'a',
    },
  ],
  uniqueIndexes: [],
  databaseSettings: [],
  ...overrides,
});

describe('the Citus distribution plan', () => {
  it('makes the listed tables reference tables, districts’ tables distributed, the rest local', () => {
    const [regions, orders, , sessions] = catalog().tables;
    expect([regions!, orders!, sessions!].map(treatmentOf)).toEqual(['reference', 'distributed', 'local']);
  });

  it('keeps keys to reference tables, rewrites keys between district tables, drops cross-district ones', () => {
    const treatment = new Map([
      ['regions', 'reference' as const],
      ['work_orders', 'distributed' as const],
      ['work_order_events', 'distributed' as const],
      ['transfers', 'distributed' as const],
      ['organizations', 'distributed' as const],
    ]);
    const [events, region] = catalog().foreignKeys;
    expect(foreignKeyFate(events!, treatment)).toBe('rewrite');
    expect(foreignKeyFate(region!, treatment)).toBe('keep');
    const cross = {
      ...events!,
      table: 'transfers',
      columns: ['to_organization_id'],
      refTable: 'organizations',
    };
    expect(foreignKeyFate(cross, treatment)).toBe('drop');
  });

  it('orders the steps: drop keys, rewrite keys, reference, distribute (anchor first), add keys, settings', () => {
    const steps = planDistribution(catalog(), 'work_orders');
    expect(steps.map((s) => `${s.kind} ${s.table}`)).toEqual([
      'drop-foreign-key work_order_events',
      'rewrite-key work_orders',
      'rewrite-key work_order_events',
      'reference regions',
      'distribute work_orders',
      'distribute work_order_events',
      'add-foreign-key work_order_events',
      'database-setting ',
    ]);
    expect(steps.find((s) => s.kind === 'add-foreign-key')?.statements).toEqual([
      'alter table "work_order_events" add constraint "events_fk" foreign key ("district_code", "work_order_id") references "work_orders" ("district_code", "id") on delete cascade',
    ]);
    expect(
      steps.find((s) => s.table === 'work_order_events' && s.kind === 'distribute')?.statements[0],
    ).toContain("colocate_with => 'work_orders'");
  });

  it('plans nothing for a database already distributed', () => {
    const done = catalog({
      tables: catalog().tables.map((t) => ({
        ...t,
        citusType: t.name === 'regions' ? 'reference' : t.hasDistrictCode ? 'distributed' : null,
      })),
      keys: catalog().keys.map((k) => ({
        ...k,
        columns: k.columns.includes('district_code') ? k.columns : ['district_code', ...k.columns],
      })),
      foreignKeys: [
        { ...catalog().foreignKeys[0]!, columns: ['district_code', 'work_order_id'] },
        catalog().foreignKeys[1]!,
      ],
      databaseSettings: ['citus.enable_repartition_joins=on'],
    });
    expect(planDistribution(done, 'work_orders')).toEqual([]);
  });
});
