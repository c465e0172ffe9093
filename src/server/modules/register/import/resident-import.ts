import type { Insertable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { RESIDENT_HEADERS, type ResidentHeader } from '../../../../shared/register-template.js';
import type { Scope } from '../../../auth/scope.js';
import { withLongTransaction } from '../../../db/long-transaction.js';
import type {
  HouseholdTable,
  PersonTable,
  PersonTagTable,
  Region,
  ResidenceMoveTable,
} from '../../../db/tables.js';
import type { ServiceContext } from '../../../services.js';
import type { AuditActor } from '../../audit/audit.repository.js';
import { namePinyin, protectPhone, rowHash } from '../person-fields.js';
import { ResidentImportStore } from './resident-import.repository.js';
import {
  type CheckedResident,
  checkResidentRow,
  describeProblems,
  mapHeaders,
  normalizeCell,
} from './row-checker.js';
import { readSpreadsheet, type SpreadsheetFormat } from './row-source.js';

export interface ResidentImportOptions {
  scope: Scope;
  actor: AuditActor;
  /** Write the good rows and report the rest; otherwise one bad row rejects the whole file. */
  skipInvalid: boolean;
  onProgress?: (progress: { fraction: number; rows: number }) => void;
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

/** A household is its building + unit + room, or (without a building) its grid + address. */
const householdKey = (row: CheckedResident) => `${row.placeCode}|${row.unit}|${row.room}|${row.address}`;

interface PendingRow {
  row: CheckedResident;
  idBidx: string;
}

/**
 * Imports residents from an .xlsx or .csv file in one transaction: every row is checked (alone
 * and against the others), good rows are upserted by ID number in chunks as the file streams in,
 * and at the end the transaction commits or, if any row was bad and skipInvalid is off, rolls
 * back as if nothing had happened.
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
      const grids = new Map((await store.gridsInScope(options.scope)).map((g) => [g.code, g]));
      const buildingsByGrid = new Map<string, Region[]>();
      const tags = await store.tags();
      // Buildings are looked up while rows stream in; load each grid's once, before checking.
      const lookups = {
        gridInScope: (code: string) => grids.get(code),
        building: (gridCode: string, codeOrName: string) =>
          buildingsByGrid.get(gridCode)?.find((b) => b.code === codeOrName || b.name === codeOrName),
        tagCode: (name: string) => tags.get(name),
      };

      const firstRowOfId = new Map<string, number>();
      const households = new Map<string, { id: string; headRow?: number; isNew: boolean }>();
      const loadedPlaces = new Set<string>();
      const newPerPlace = new Map<string, number>();
      let positions: Map<ResidentHeader, number> | undefined;
      let chunk: PendingRow[] = [];

      const flush = async () => {
        if (chunk.length === 0) return;
        await writeChunk(ctx, store, chunk, {
          households,
          loadedPlaces,
          newPerPlace,
          outcome,
          scope: options.scope,
          now,
        });
        chunk = [];
      };

      for await (const source of readSpreadsheet(file, format, (fraction) => {
        options.onProgress?.({ fraction, rows: outcome.totalRows });
      })) {
        if (!positions) {
          const headers = mapHeaders(source.cells);
          outcome.unknownColumns = headers.unknown;
          if (headers.missing.length > 0) {
            outcome.fileProblem = `缺少模板列：${headers.missing.join('、')}`;
            throw new ImportRejected();
          }
          positions = headers.positions;
          continue;
        }
        const cells = Object.fromEntries(
          RESIDENT_HEADERS.map((h) => [h, normalizeCell(source.cells[positions!.get(h)!] ?? '')]),
        ) as Record<ResidentHeader, string>;
        if (RESIDENT_HEADERS.every((h) => cells[h] === '')) continue;
        outcome.totalRows += 1;

        const gridCode = cells.所属网格;
        if (gridCode && grids.has(gridCode) && !buildingsByGrid.has(gridCode)) {
          buildingsByGrid.set(gridCode, await store.buildingsOf(gridCode));
        }
        const checked = checkResidentRow(source.rowNumber, cells, lookups);
        if (!checked.ok) {
          outcome.problems.set(source.rowNumber, describeProblems(checked.problems));
          continue;
        }
        const row = checked.row;
        const idBidx = ctx.crypto.blindIndex('person.id_number', row.idNumber);
        // 64 bits of the index are plenty to tell a million rows apart, at half the memory.
        const earlier = firstRowOfId.get(idBidx.slice(0, 16));
        if (earlier !== undefined) {
          outcome.problems.set(row.rowNumber, `公民身份号码：与第 ${earlier} 行重复`);
          continue;
        }
        const key = householdKey(row);
        const household = households.get(key);
        if (row.relation === '户主' && household?.headRow !== undefined) {
          outcome.problems.set(row.rowNumber, `与户主关系：同一住户已有户主（第 ${household.headRow} 行）`);
          continue;
        }
        firstRowOfId.set(idBidx.slice(0, 16), row.rowNumber);
        if (row.relation === '户主') {
          if (household) household.headRow = row.rowNumber;
          else households.set(key, { id: '', headRow: row.rowNumber, isNew: false });
        }
        chunk.push({ row, idBidx });
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
      if (!positions) {
        outcome.fileProblem = '文件是空的';
        throw new ImportRejected();
      }
      outcome.invalid = outcome.problems.size;
      if (outcome.invalid > 0 && !options.skipInvalid) throw new ImportRejected();
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
    if (!(error instanceof ImportRejected)) throw error;
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
  households: Map<string, { id: string; headRow?: number; isNew: boolean }>;
  loadedPlaces: Set<string>;
  /** New households per place, counted into the region statistics once, at the end. */
  newPerPlace: Map<string, number>;
  outcome: ResidentImportOutcome;
  scope: Scope;
  now: string;
}

/** Upserts one chunk: one look-up of existing persons, one of households, batched inserts. */
async function writeChunk(
  ctx: ServiceContext,
  store: ResidentImportStore,
  chunk: PendingRow[],
  state: ChunkState,
) {
  const { households, loadedPlaces, newPerPlace, outcome, scope, now } = state;
  const existing = await store.existingPersons(chunk.map((p) => p.idBidx));

  const newPlaces = [...new Set(chunk.map((p) => p.row.placeCode))].filter((code) => !loadedPlaces.has(code));
  for (const known of await store.householdsAt(newPlaces)) {
    const key = `${known.region_code}|${known.unit}|${known.room}|${known.address}`;
    const entry = households.get(key);
    if (entry && !entry.id) entry.id = known.id;
    else if (!entry) households.set(key, { id: known.id, isNew: false });
  }
  for (const code of newPlaces) loadedPlaces.add(code);

  const newHouseholds: Insertable<HouseholdTable>[] = [];
  const newPersons: Insertable<PersonTable>[] = [];
  const newTags: Insertable<PersonTagTable>[] = [];
  const moves: Insertable<ResidenceMoveTable>[] = [];
  const retagged: string[] = [];
  const heads: { householdId: string; personId: string }[] = [];

  for (const { row, idBidx } of chunk) {
    const previous = existing.get(idBidx);
    if (previous && !scope.includes(previous.region_code)) {
      // Registered in someone else's grids: say so without saying where.
      outcome.problems.set(row.rowNumber, '公民身份号码：此人已在其他辖区登记');
      continue;
    }
    const key = householdKey(row);
    let household = households.get(key);
    if (!household?.id) {
      const id = uuidv7();
      household = { ...(household ?? {}), id, isNew: true };
      households.set(key, household);
      newHouseholds.push({
        id,
        district_code: row.placeCode.slice(0, 6),
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
    const hash = rowHash([
      row.name,
      row.idNumber,
      row.phone,
      row.ethnicity,
      row.placeCode,
      row.unit,
      row.floor,
      row.room,
      row.address,
      row.relation,
      row.tagCodes.join(','),
      row.registeredAddress,
      row.note,
    ]);
    if (previous && previous.row_hash === hash) {
      outcome.unchanged += 1;
      continue;
    }
    const personId = previous?.id ?? uuidv7();
    const pinyin = namePinyin(row.name);
    const fields = {
      district_code: row.placeCode.slice(0, 6),
      region_code: row.placeCode,
      household_id: household.id,
      name: row.name,
      name_pinyin: pinyin.full,
      name_initials: pinyin.initials,
      gender: row.gender,
      birth_date: row.birthDate,
      ethnicity: row.ethnicity,
      relation: row.relation,
      id_number_enc: ctx.crypto.encrypt('person.id_number', row.idNumber),
      id_number_bidx: idBidx,
      ...protectPhone(ctx.crypto, row.phone),
      registered_address: row.registeredAddress,
      note: row.note,
      status: 'active' as const,
      row_hash: hash,
      updated_at: now,
    };
    if (previous) {
      await store.updatePerson(personId, fields);
      retagged.push(personId);
      outcome.updated += 1;
      if (previous.household_id !== household.id) {
        moves.push({
          id: uuidv7(),
          district_code: fields.district_code,
          subject_type: 'person',
          subject_id: personId,
          from_region_code: previous.region_code,
          to_region_code: row.placeCode,
          from_household_id: previous.household_id,
          to_household_id: household.id,
          actor_id: null,
          at: now,
        });
      }
    } else {
      newPersons.push({ id: personId, ...fields, current_address: '', created_at: now });
      outcome.created += 1;
    }
    for (const tag of row.tagCodes)
      newTags.push({ person_id: personId, tag_code: tag, district_code: fields.district_code });
    if (row.relation === '户主') heads.push({ householdId: household.id, personId });
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
}
