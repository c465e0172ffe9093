import type { Dialect } from '../db/database.js';
import { StaticMigrationProvider } from '../db/migrations/index.js';
import { type ChainHeads, type ChainLink, GENESIS_HASH } from '../modules/audit/index.js';

/** What a backup records about the database it copied, read from the same snapshot as the copy. */
export interface SchemaState {
  migrations: string[];
  auditHeads: ChainHeads;
}

/** The migrations this version of the code knows; a backup that applied others is from a newer one. */
export async function codeMigrations(dialect: Dialect): Promise<string[]> {
  return Object.keys(await new StaticMigrationProvider(dialect).getMigrations()).sort();
}

/** The head link from the head record and the row it names (rows before migration 0008 have no MAC). */
export function chainLink(
  head: { seq: number | string; hash: string } | undefined,
  row: { mac?: string | null } | undefined,
): ChainLink {
  if (!head || Number(head.seq) === 0) return { seq: 0, hash: head?.hash ?? GENESIS_HASH, mac: null };
  return { seq: Number(head.seq), hash: head.hash, mac: row?.mac ?? null };
}
