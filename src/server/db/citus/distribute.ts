import { type Kysely, sql } from 'kysely';
import { hasCitus, readCatalog } from './catalog.js';
import { planDistribution, type Step } from './plan.js';

/** The table every distributed table is co-located with: the busiest one, the work orders. */
export const COLOCATION_ANCHOR = 'work_orders';

export class CitusMissingError extends Error {
  constructor() {
    super(
      'This database has no citus extension: run `create extension citus` on the coordinator (and add the workers) first; nothing was changed.',
    );
    this.name = 'CitusMissingError';
  }
}

export interface DistributeOptions {
  /** Shards per distributed table (citus.shard_count; Citus's default is 32). */
  shardCount?: number;
  /** Called with each step's description just before it runs. */
  onStep?: (step: Step) => void;
  /** Only plan: print what would be done and change nothing. */
  dryRun?: boolean;
}

/**
 * Turns a migrated Lianxin database on a Citus coordinator into a distributed one: reference
 * tables for the small shared ones, every table with district_code distributed by it and
 * co-located, keys and foreign keys rewritten to include district_code (see plan.ts). All in one
 * transaction: a failure leaves the database as it was. Returns the steps done; none on a
 * database already distributed.
 */
export async function distributeOnCitus(
  db: Kysely<unknown>,
  options: DistributeOptions = {},
): Promise<Step[]> {
  if (!(await hasCitus(db))) throw new CitusMissingError();
  const steps = planDistribution(await readCatalog(db), COLOCATION_ANCHOR);
  if (steps.length === 0 || options.dryRun) {
    for (const step of steps) options.onStep?.(step);
    return steps;
  }
  await db.transaction().execute(async (trx) => {
    // Reference and distributed tables with foreign keys between them, made in one transaction:
    // Citus needs one connection per node for that.
    await sql`set local citus.multi_shard_modify_mode to 'sequential'`.execute(trx);
    // timebank_ledger's append-only trigger runs on the shards (its function is plain SQL checks).
    await sql`set local citus.enable_unsafe_triggers to on`.execute(trx);
    if (options.shardCount)
      await sql.raw(`set local citus.shard_count to ${options.shardCount}`).execute(trx);
    const withRows: string[] = [];
    for (const step of steps) {
      options.onStep?.(step);
      if (step.kind === 'reference' || step.kind === 'distribute') {
        const rows = await sql<{
          any: boolean;
        }>`select exists (select 1 from ${sql.table(step.table)}) as any`.execute(trx);
        if (rows.rows[0]?.any) withRows.push(step.table);
      }
      for (const statement of step.statements) await sql.raw(statement).execute(trx);
    }
    // The coordinator's own copy of rows now on the shards goes (Citus keeps it until told).
    for (const table of withRows) {
      await sql`select truncate_local_data_after_distributing_table(${table}::regclass)`.execute(trx);
    }
  });
  return steps;
}
