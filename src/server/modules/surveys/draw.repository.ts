import { type ExpressionBuilder, type Insertable, sql } from 'kysely';
import { REGION_CODE_LENGTH } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import type { Dialect, Executor } from '../../db/database.js';
import type { DB } from '../../db/tables.js';
import type { SurveySampleTable } from './surveys.tables.js';

/**
 * What a draw reads: who may be drawn, counted per stratum (a grid) and then listed stratum by
 * stratum as ids only. The database does the filtering — the region, adults, on the register and
 * living here, or orders closed in the period, and the contact cap — so the register is never
 * loaded whole: one grid's ids at a time.
 */
export interface DrawFilter {
  dialect: Dialect;
  regionCode: string;
  /** Residents born on or before this day are adults (register samples). */
  adultBornBy: string;
  /** Orders closed in [from, to) (ISO instants; order samples). */
  closedFrom: string | null;
  closedTo: string | null;
  /** Nobody contacted at or after this instant (a survey or a callback) is drawn; null: no cap. */
  contactedSince: string | null;
}

export interface Candidate {
  id: string;
  region_code: string;
  person_id: string | null;
  phone_bidx: string | null;
}

const GRID = REGION_CODE_LENGTH.grid;
const stratumOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, ${sql.lit(GRID)})`;

/** Region codes of one stratum: a grid's subtree, or exactly the coarser code of people above any grid. */
const inStratum = (column: string, stratum: string, dialect: Dialect) =>
  stratum.length === GRID
    ? new Scope([stratum], dialect).covers(column)
    : sql<boolean>`${sql.ref(column)} = ${stratum}`;

/** Not contacted since the cap's start: no survey's sample row, no callback of one of their orders. */
function notContacted(
  eb: ExpressionBuilder<DB, 'persons'> | ExpressionBuilder<DB, 'work_orders'>,
  person: string,
  phone: string,
  since: string,
) {
  const e = eb as unknown as ExpressionBuilder<DB, never>;
  return e.and([
    e.not(
      e.exists(
        e
          .selectFrom('survey_sample as cs')
          .select(sql.lit(1).as('one'))
          .whereRef('cs.person_id', '=', sql.ref(person))
          .where('cs.contacted_at', '>=', since),
      ),
    ),
    e.or([
      e(sql.ref(phone), 'is', null),
      e.not(
        e.exists(
          e
            .selectFrom('survey_sample as cp')
            .select(sql.lit(1).as('one'))
            .whereRef('cp.phone_bidx', '=', sql.ref(phone))
            .where('cp.contacted_at', '>=', since),
        ),
      ),
    ]),
    e.not(
      e.exists(
        e
          .selectFrom('work_orders as cw')
          .innerJoin('work_order_events as ce', 'ce.work_order_id', 'cw.id')
          .select(sql.lit(1).as('one'))
          .whereRef('cw.person_id', '=', sql.ref(person))
          .where('ce.action', '=', 'callback')
          .where('ce.at', '>=', since),
      ),
    ),
  ]);
}

function residents(db: Executor, f: DrawFilter, capped: boolean) {
  let query = db
    .selectFrom('persons')
    .where(new Scope([f.regionCode], f.dialect).covers('persons.region_code'))
    .where('persons.status', '=', 'active')
    .where('persons.birth_date', '<=', f.adultBornBy);
  if (capped && f.contactedSince) {
    const since = f.contactedSince;
    query = query.where((eb) => notContacted(eb, 'persons.id', 'persons.phone_bidx', since));
  }
  return query;
}

function closedOrders(db: Executor, f: DrawFilter, capped: boolean) {
  let query = db
    .selectFrom('work_orders')
    .where(new Scope([f.regionCode], f.dialect).covers('work_orders.region_code'))
    .where('work_orders.status', 'in', ['closed', 'archived'])
    .where('work_orders.closed_at', '>=', f.closedFrom ?? '')
    .where('work_orders.closed_at', '<', f.closedTo ?? '');
  if (capped && f.contactedSince) {
    const since = f.contactedSince;
    query = query.where((eb) =>
      notContacted(eb, 'work_orders.person_id', 'work_orders.contact_phone_bidx', since),
    );
  }
  return query;
}

export const drawRepository = {
  /** How many may be drawn per stratum; `capped: false` counts without the contact cap. */
  residentStrata: (db: Executor, f: DrawFilter, capped: boolean) =>
    residents(db, f, capped)
      .select((eb) => [
        stratumOf('persons.region_code').as('code'),
        eb.fn.countAll<number>().as('population'),
      ])
      .groupBy(stratumOf('persons.region_code'))
      .execute(),

  orderStrata: (db: Executor, f: DrawFilter, capped: boolean) =>
    closedOrders(db, f, capped)
      .select((eb) => [
        stratumOf('work_orders.region_code').as('code'),
        eb.fn.countAll<number>().as('population'),
      ])
      .groupBy(stratumOf('work_orders.region_code'))
      .execute(),

  /** One stratum's residents who may be drawn: ids and what a sample row copies, nothing else. */
  residentsOf: (db: Executor, f: DrawFilter, stratum: string): Promise<Candidate[]> =>
    residents(db, f, true)
      .where(inStratum('persons.region_code', stratum, f.dialect))
      .select(['persons.id', 'persons.region_code', 'persons.id as person_id', 'persons.phone_bidx'])
      .execute(),

  ordersOf: (db: Executor, f: DrawFilter, stratum: string): Promise<Candidate[]> =>
    closedOrders(db, f, true)
      .where(inStratum('work_orders.region_code', stratum, f.dialect))
      .select([
        'work_orders.id',
        'work_orders.region_code',
        'work_orders.person_id',
        'work_orders.contact_phone_bidx as phone_bidx',
      ])
      .execute(),

  insertSample: async (db: Executor, rows: Insertable<SurveySampleTable>[]) => {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('survey_sample')
        .values(rows.slice(i, i + 200))
        .execute();
  },
};
