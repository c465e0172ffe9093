import { sql } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import type { AuditRow } from '../../db/tables.js';
import { GENESIS_HASH } from './audit-chain.js';

/** Rows per UPDATE on SQLite: 250 parameters, well under its limit. */
const SQLITE_UPDATE_BATCH = 50;

/** A row's place in its chain, as the sealer computed it. */
export interface SealedLink {
  seq: number;
  link: number;
  prev_hash: string;
  hash: string;
  mac: string;
}

/** The sealer's reads and writes (audit-sealer.ts decides what to seal and computes the links). */
export const sealRepository = {
  /** The districts with rows waiting to be sealed (served by the partial index audit_log_unsealed). */
  async districtsWaiting(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('audit_log')
      .select('district_code')
      .where('hash', 'is', null)
      .distinct()
      .execute();
    return rows.map((row) => row.district_code);
  },

  /**
   * Takes the district's head for this transaction: on PostgreSQL its row lock, skipped (undefined)
   * when another process holds it — that process is sealing this district now — unless `wait`. On
   * SQLite the write transaction is the lock.
   */
  async takeHead(trx: Executor, database: Database, district: string, at: string, wait: boolean) {
    await trx
      .insertInto('audit_chain_heads')
      .values({ district_code: district, link: 0, hash: GENESIS_HASH, mac: null, sealed_at: at })
      .onConflict((oc) => oc.column('district_code').doNothing())
      .execute();
    const query = trx
      .selectFrom('audit_chain_heads')
      .select(['link', 'hash'])
      .where('district_code', '=', district);
    const locked =
      database.dialect === 'postgres' ? (wait ? query.forUpdate() : query.forUpdate().skipLocked()) : query;
    const head = await locked.executeTakeFirst();
    return head ? { link: Number(head.link), hash: head.hash } : undefined;
  },

  /** Committed rows of a district not sealed yet (what this transaction can see), in the order written. */
  unsealedOf: (trx: Executor, district: string, limit: number): Promise<AuditRow[]> =>
    trx
      .selectFrom('audit_log')
      .selectAll()
      .where('district_code', '=', district)
      .where('hash', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute(),

  /**
   * Writes a district's links. Every statement names the district: on Citus, where audit_log is
   * distributed by it and its key is (district_code, seq), the update goes to that district's
   * shard alone instead of to every shard.
   */
  async writeLinks(
    trx: Executor,
    database: Database,
    district: string,
    links: readonly SealedLink[],
  ): Promise<void> {
    if (database.dialect === 'postgres') {
      // One statement for the whole batch.
      await sql`
        update audit_log as a
        set link = v.link, prev_hash = v.prev_hash, hash = v.hash, mac = v.mac
        from (
          select unnest(${links.map((l) => l.seq)}::bigint[]) as seq,
                 unnest(${links.map((l) => l.link)}::bigint[]) as link,
                 unnest(${links.map((l) => l.prev_hash)}::varchar[]) as prev_hash,
                 unnest(${links.map((l) => l.hash)}::varchar[]) as hash,
                 unnest(${links.map((l) => l.mac)}::varchar[]) as mac
        ) as v
        where a.district_code = ${district} and a.seq = v.seq and a.hash is null
      `.execute(trx);
      return;
    }
    // SQLite: batches of a fixed size in one UPDATE … FROM (VALUES …) each (one statement text,
    // prepared once), the rest one by one.
    let at = 0;
    for (; at + SQLITE_UPDATE_BATCH <= links.length; at += SQLITE_UPDATE_BATCH) {
      const rows = links
        .slice(at, at + SQLITE_UPDATE_BATCH)
        .map((l) => sql`(${l.seq}, ${l.link}, ${l.prev_hash}, ${l.hash}, ${l.mac})`);
      await sql`
        update audit_log
        set link = v.column2, prev_hash = v.column3, hash = v.column4, mac = v.column5
        from (values ${sql.join(rows)}) as v
        where audit_log.district_code = ${district} and audit_log.seq = v.column1
          and audit_log.hash is null`.execute(trx);
    }
    for (const { seq, ...link } of links.slice(at))
      await trx
        .updateTable('audit_log')
        .set(link)
        .where('district_code', '=', district)
        .where('seq', '=', seq)
        .where('hash', 'is', null)
        .execute();
  },

  async moveHead(
    trx: Executor,
    district: string,
    head: { link: number; hash: string; mac: string; at: string },
  ) {
    await trx
      .updateTable('audit_chain_heads')
      .set({ link: head.link, hash: head.hash, mac: head.mac, sealed_at: head.at })
      .where('district_code', '=', district)
      .execute();
  },
};
