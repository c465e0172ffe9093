import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { districtOf } from '../../../../shared/region-code.js';
import type { Scope } from '../../../auth/scope.js';
import { withLongTransaction } from '../../../db/long-transaction.js';
import type { Insertable } from '../../../db/row-types.js';
import type { HouseholdTable, PersonTable, PersonTagTable, ResidenceMoveTable } from '../../../db/tables.js';
import { translate } from '../../../i18n/messages.js';
import type { ServiceContext } from '../../../services.js';
import type { AuditActor } from '../../audit/index.js';
import { prepareInWorker } from './prepare-worker.js';
import { ResidentImportStore } from './resident-import.repository.js';
import {
  householdKeyOf,
  type PrepareContext,
  type PreparedResident,
  preparedRow,
  prepareResidents,
  ROW_FIELDS,
} from './resident-prepare.js';
import { RowNumbers } from './row-numbers.js';
import type { SpreadsheetFormat } from './row-source.js';
import { limitsForRows, type SpreadsheetLimits, SpreadsheetRefused } from './spreadsheet-limits.js';

export interface ResidentImportOptions {
  scope: Scope;
  actor: AuditActor;
  /** Write the good rows and report the rest; otherwise one bad row rejects the whole file. */
  skipInvalid: boolean;
  onProgress?: (progress: { fraction: number; rows: number }) => void;
  /** What the file may hold at most; default: the configured row bound and DEFAULT_LIMITS. */
  limits?: SpreadsheetLimits;
  /** How the work is done, not what it does; tests set these to take the large-file paths. */
  tuning?: ImportTuning;
}

export interface ImportTuning {
  /** Prepare rows on a worker thread. Default: when the file has at least 1 MB. */
  prepareInWorker?: boolean;
  /**
   * Once this many rows are read, the import decides from the file's expected length whether to
   * drop persons' plain indexes until commit (SQLite) and to read the stored keys so certainly
   * new rows need no look-up. Default 20,000.
   */
  largeFromRows?: number;
  /** Households whose ids stay in memory. Default 50,000. */
  householdCache?: number;
}

export interface ResidentImportOutcome {
  status: 'succeeded' | 'rejected';
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  /** Columns the template does not know: reported, never silently dropped. */
  unknownColumns: string[];
  /** A problem with the file as a whole (missing template columns). */
  fileProblem?: string;
  /** Row number → what is wrong with it, for the error report. */
  problems: Map<number, string>;
}

/** The outcome of an import before its first row: every kind of import starts from it. */
export const emptyImportOutcome = (): ResidentImportOutcome => ({
  status: 'succeeded',
  totalRows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  invalid: 0,
  unknownColumns: [],
  problems: new Map(),
});

class ImportRejected extends Error {}

const CHUNK = 500;

const LARGE_FROM_ROWS = 20_000;
/**
 * A large import first reads the keys of the persons and households stored (about 1 µs each) to
 * skip the look-ups of certainly new rows (a few µs each), if there are at most this many
 * persons stored per row expected.
 */
const STORED_KEYS_PER_EXPECTED_ROW = 4;

/** From this size on, rows are prepared on a worker thread while this thread writes. */
const WORKER_FROM_BYTES = 1_000_000;

/** Household ids by household key, for the households the file is at; older ones are evicted. */
class HouseholdIds {
  private readonly ids = new Map<string, string>();

  constructor(private readonly limit: number) {}

  get(key: string): string | undefined {
    const id = this.ids.get(key);
    if (id !== undefined) {
      // Most recently used last: eviction takes the oldest first.
      this.ids.delete(key);
      this.ids.set(key, id);
    }
    return id;
  }

  set(key: string, id: string): void {
    this.ids.set(key, id);
  }

  /** Between chunks only: within one, every household it names must stay known. */
  trim(): void {
    for (const key of this.ids.keys()) {
      if (this.ids.size <= this.limit) break;
      this.ids.delete(key);
    }
  }
}

/** Households kept in memory; a household seen again after eviction is read back (one look-up). */
const HOUSEHOLD_CACHE = 50_000;

/**
 * Imports residents from an .xlsx or .csv file in one transaction: every row is checked (alone
 * and against the others), good rows are upserted by ID number in chunks as the file streams in,
 * and at the end the transaction commits or, if any row was bad and skipInvalid is off, rolls
 * back as if nothing had happened.
 *
 * Reading, checking and encrypting (resident-prepare.ts) run on a worker thread for large files,
 * so that they and the writing here share the machine's cores; the checks against other rows
 * and against the database are made here, in file order, either way.
 */
export async function importResidents(
  ctx: ServiceContext,
  file: string,
  format: SpreadsheetFormat,
  options: ResidentImportOptions,
): Promise<ResidentImportOutcome> {
  const outcome = emptyImportOutcome();
  try {
    await withLongTransaction(ctx.database, async (trx, sqlite) => {
      const store = new ResidentImportStore(trx, sqlite);
      const now = ctx.now().toISOString();
      const context: PrepareContext = {
        grids: await store.gridsInScope(options.scope),
        tags: await store.tags(),
        loadBuildings: (gridCode) => store.buildingsOf(gridCode),
        crypto: ctx.crypto,
      };
      const inWorker = options.tuning?.prepareInWorker ?? fs.statSync(file).size >= WORKER_FROM_BYTES;
      const limits = options.limits ?? limitsForRows(ctx.config.importMaxRows);
      const events = inWorker
        ? prepareInWorker(file, format, context, limits)
        : prepareResidents(file, format, context, limits);

      const firstRowOfId = new RowNumbers();
      const headRowOf = new RowNumbers();
      const households = new HouseholdIds(options.tuning?.householdCache ?? HOUSEHOLD_CACHE);
      const newPerPlace = new Map<string, number>();
      const largeFrom = options.tuning?.largeFromRows ?? LARGE_FROM_ROWS;
      let largeDecided = false;
      let indexesSuspended = false;
      let stored: ChunkState['stored'];
      let headerSeen = false;
      let chunk: PreparedResident[] = [];

      const flush = async () => {
        if (chunk.length === 0) return;
        await writeChunk(store, chunk, {
          households,
          stored,
          newPerPlace,
          outcome,
          scope: options.scope,
          now,
        });
        chunk = [];
      };

      for await (const event of events) {
        if (event.kind === 'header') {
          headerSeen = true;
          outcome.unknownColumns = event.unknown;
          if (event.missing.length > 0) {
            outcome.fileProblem = `缺少模板列：${event.missing.join('、')}`;
            throw new ImportRejected();
          }
          continue;
        }
        outcome.totalRows += event.rows;
        if (!largeDecided && outcome.totalRows >= largeFrom) {
          // Decided once, on the file's expected length: its rows so far over the part read.
          largeDecided = true;
          const expected = outcome.totalRows / Math.max(event.fraction, 1e-6);
          indexesSuspended = store.suspendIndexes(expected);
          stored = await store.storedKeys(STORED_KEYS_PER_EXPECTED_ROW * expected);
        }
        for (const [rowNumber, message] of event.problems) outcome.problems.set(rowNumber, message);
        for (let offset = 0; offset < event.values.length; offset += ROW_FIELDS) {
          const row = preparedRow(event.values, offset);
          // 64 bits of the index are plenty to tell a million rows apart.
          const earlier = firstRowOfId.getHex(row.idBidx);
          if (earlier !== undefined) {
            outcome.problems.set(row.rowNumber, `公民身份号码：与第 ${earlier} 行重复`);
            continue;
          }
          const isHead = row.relation === '户主';
          const headRow = isHead ? headRowOf.getText(row.householdKey) : undefined;
          if (headRow !== undefined) {
            outcome.problems.set(row.rowNumber, `与户主关系：同一住户已有户主（第 ${headRow} 行）`);
            continue;
          }
          firstRowOfId.setHex(row.idBidx, row.rowNumber);
          if (isHead) headRowOf.setText(row.householdKey, row.rowNumber);
          chunk.push(row);
          if (chunk.length >= CHUNK) await flush();
        }
        options.onProgress?.({ fraction: event.fraction, rows: outcome.totalRows });
      }
      await flush();
      if (!headerSeen) {
        outcome.fileProblem = '文件是空的';
        throw new ImportRejected();
      }
      outcome.invalid = outcome.problems.size;
      // A rejected import rolls back, dropped indexes included: they are rebuilt only to commit.
      if (outcome.invalid > 0 && !options.skipInvalid) throw new ImportRejected();
      if (indexesSuspended) store.restoreIndexes();
      // One update per place and ancestor for the whole file, not one per chunk.
      for (const [place, count] of newPerPlace) await store.countHouseholds(place, count);
      await ctx.audit.append(trx, options.actor, {
        action: 'person.imported',
        targetType: 'import',
        regionCode: options.scope.roots[0] ?? ctx.config.districtCode,
        summary: {
          rows: outcome.totalRows,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          invalid: outcome.invalid,
          skipInvalid: options.skipInvalid,
        },
      });
    });
  } catch (error) {
    if (error instanceof SpreadsheetRefused) outcome.fileProblem = translate(error.code, 'zh', error.params);
    else if (!(error instanceof ImportRejected)) throw error;
    outcome.status = 'rejected';
    outcome.invalid = outcome.problems.size;
    outcome.created = 0;
    outcome.updated = 0;
    outcome.unchanged = 0;
  }
  options.onProgress?.({ fraction: 1, rows: outcome.totalRows });
  return outcome;
}

interface ChunkState {
  households: HouseholdIds;
  /** Keys of the persons and households stored, once the import knows it is large. */
  stored: { persons: RowNumbers; households: RowNumbers } | undefined;
  /** New households per place, counted into the region statistics once, at the end. */
  newPerPlace: Map<string, number>;
  outcome: ResidentImportOutcome;
  scope: Scope;
  now: string;
}

/** Upserts one chunk: one look-up of existing persons, one of households, batched inserts. */
async function writeChunk(store: ResidentImportStore, chunk: PreparedResident[], state: ChunkState) {
  const { households, newPerPlace, outcome, scope, now } = state;
  // Rows whose ID number or household is certainly not stored yet need no look-up.
  const stored = state.stored;
  const existing = await store.existingPersons(
    chunk.filter((p) => !stored || stored.persons.hasHex(p.idBidx)).map((p) => p.idBidx),
  );

  const unknown = new Map<string, PreparedResident>();
  for (const row of chunk)
    if (
      !unknown.has(row.householdKey) &&
      households.get(row.householdKey) === undefined &&
      (!stored || stored.households.hasText(row.householdKey))
    )
      unknown.set(row.householdKey, row);
  for (const known of await store.households([...unknown.values()]))
    households.set(householdKeyOf(known), known.id);

  const newHouseholds: Insertable<HouseholdTable>[] = [];
  const newPersons: Insertable<PersonTable>[] = [];
  const newTags: Insertable<PersonTagTable>[] = [];
  const moves: Insertable<ResidenceMoveTable>[] = [];
  const retagged: string[] = [];
  const heads: { householdId: string; personId: string }[] = [];

  for (const row of chunk) {
    const previous = existing.get(row.idBidx);
    if (previous && !scope.includes(previous.region_code)) {
      // Registered in someone else's grids: say so without saying where.
      outcome.problems.set(row.rowNumber, '公民身份号码：此人已在其他辖区登记');
      continue;
    }
    let householdId = households.get(row.householdKey);
    if (householdId === undefined) {
      householdId = uuidv7();
      households.set(row.householdKey, householdId);
      // Stored from now on: if it is evicted and named again, it is read back.
      stored?.households.setText(row.householdKey, 1);
      newHouseholds.push({
        id: householdId,
        district_code: districtOf(row.placeCode),
        region_code: row.placeCode,
        grid_code: row.gridCode,
        unit: row.unit,
        floor: row.floor,
        room: row.room,
        address: row.address,
        overview: '',
        head_person_id: null,
        created_at: now,
        updated_at: now,
      });
    }
    if (previous && previous.row_hash === row.rowHash) {
      outcome.unchanged += 1;
      continue;
    }
    const personId = previous?.id ?? uuidv7();
    const fields = {
      district_code: districtOf(row.placeCode),
      region_code: row.placeCode,
      household_id: householdId,
      name: row.name,
      name_pinyin: row.namePinyin,
      name_initials: row.nameInitials,
      gender: row.gender,
      birth_date: row.birthDate,
      ethnicity: row.ethnicity,
      relation: row.relation,
      id_number_enc: row.idNumberEnc,
      id_number_bidx: row.idBidx,
      phone_enc: row.phoneEnc,
      phone_bidx: row.phoneBidx,
      phone_last4_bidx: row.phoneLast4Bidx,
      registered_address: row.registeredAddress,
      note: row.note,
      status: 'active' as const,
      row_hash: row.rowHash,
      updated_at: now,
    };
    if (previous) {
      await store.updatePerson(personId, fields);
      retagged.push(personId);
      outcome.updated += 1;
      if (previous.household_id !== householdId) {
        moves.push({
          id: uuidv7(),
          district_code: fields.district_code,
          subject_type: 'person',
          subject_id: personId,
          from_region_code: previous.region_code,
          to_region_code: row.placeCode,
          from_household_id: previous.household_id,
          to_household_id: householdId,
          actor_id: null,
          at: now,
        });
      }
    } else {
      newPersons.push(Object.assign(fields, { id: personId, current_address: '', created_at: now }));
      outcome.created += 1;
    }
    for (const tag of row.tagCodes)
      newTags.push({ person_id: personId, tag_code: tag, district_code: fields.district_code });
    if (row.relation === '户主') heads.push({ householdId, personId });
  }

  // A new household's head goes in with the household; existing households are updated.
  const headOf = new Map(heads.map((h) => [h.householdId, h.personId]));
  for (const h of newHouseholds) {
    const head = headOf.get(h.id as string);
    if (head) {
      h.head_person_id = head;
      headOf.delete(h.id as string);
    }
  }
  await store.insertHouseholds(newHouseholds);
  for (const h of newHouseholds)
    newPerPlace.set(h.region_code as string, (newPerPlace.get(h.region_code as string) ?? 0) + 1);
  await store.insertPersons(newPersons);
  await store.deleteTags(retagged);
  await store.insertTags(newTags);
  await store.insertMoves(moves);
  for (const [householdId, personId] of headOf) await store.setHead(householdId, personId, now);
  households.trim();
}
