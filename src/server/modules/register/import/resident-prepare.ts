import { RESIDENT_HEADERS, type ResidentHeader } from '../../../../shared/register-template.js';
import type { FieldCrypto } from '../../../crypto/field-crypto.js';
import type { Region } from '../../../db/tables.js';
import { namePinyin, rowHash } from '../person-fields.js';
import {
  type CheckedResident,
  checkResidentRow,
  describeProblems,
  mapHeaders,
  normalizeCell,
} from './row-checker.js';
import { readSpreadsheet, type SpreadsheetFormat } from './row-source.js';
import { DEFAULT_LIMITS, type SpreadsheetLimits } from './spreadsheet-limits.js';

/**
 * What a resident import does before the database, in two stages: check (read the file, check
 * every row on its own) and protect (compute what is stored: pinyin, ciphertexts, blind indexes,
 * row hash). For large files each stage runs on a worker thread of its own (prepare-worker.ts)
 * while the importing thread writes, so rows are handed on as flat arrays of strings, which
 * cross threads cheaply.
 */

/** What the checks need from the database, loaded by the importing thread. */
export interface CheckContext {
  /** The grids in the importer's scope. */
  grids: readonly Region[];
  /** Tag name → code. */
  tags: ReadonlyMap<string, string>;
  /** The buildings of a grid in scope, asked for the first time a row names the grid. */
  loadBuildings(gridCode: string): Promise<Region[]>;
}

export interface PrepareContext extends CheckContext {
  crypto: FieldCrypto;
}

export interface RowsEvent {
  kind: 'rows';
  /** The good rows as flat strings: checked (17 a row), then protected (ROW_FIELDS a row). */
  values: string[];
  /** Rows that failed their own checks: [row number, what is wrong]. */
  problems: [number, string][];
  /** Non-empty data rows this batch covered, good and bad. */
  rows: number;
  /** How far through the file the reader is, 0…1. */
  fraction: number;
}

export type PrepareEvent = { kind: 'header'; unknown: string[]; missing: ResidentHeader[] } | RowsEvent;

/** A good row as the importing thread sees it: checked, with every stored value computed. */
export interface PreparedResident {
  rowNumber: number;
  /** A household is its building + unit + room, or (without a building) its grid + address. */
  householdKey: string;
  relation: CheckedResident['relation'];
  idBidx: string;
  idNumberEnc: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  gender: CheckedResident['gender'];
  birthDate: string;
  ethnicity: string;
  phoneEnc: string | null;
  phoneBidx: string | null;
  phoneLast4Bidx: string | null;
  registeredAddress: string;
  note: string;
  rowHash: string;
  placeCode: string;
  gridCode: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
  tagCodes: string[];
}

export const ROW_FIELDS = 24;

/** Reads the good row at `offset` of a batch's values. */
export function preparedRow(values: readonly string[], offset: number): PreparedResident {
  const at = (i: number) => values[offset + i]!;
  const orNull = (i: number) => (at(i) === '' ? null : at(i));
  const floor = at(20);
  const tags = at(23);
  return {
    rowNumber: Number(at(0)),
    householdKey: at(1),
    // The preparing side wrote these from a checked row.
    relation: at(2) as CheckedResident['relation'],
    idBidx: at(3),
    idNumberEnc: at(4),
    name: at(5),
    namePinyin: at(6),
    nameInitials: at(7),
    gender: at(8) as CheckedResident['gender'],
    birthDate: at(9),
    ethnicity: at(10),
    phoneEnc: orNull(11),
    phoneBidx: orNull(12),
    phoneLast4Bidx: orNull(13),
    registeredAddress: at(14),
    note: at(15),
    rowHash: at(16),
    placeCode: at(17),
    gridCode: at(18),
    unit: at(19),
    floor: floor === '' ? null : Number(floor),
    room: at(21),
    address: at(22),
    tagCodes: tags === '' ? [] : tags.split(','),
  };
}

/** The household key of a stored household, as `PreparedResident.householdKey` spells it. */
export const householdKeyOf = (h: { region_code: string; unit: string; room: string; address: string }) =>
  `${h.region_code}|${h.unit}|${h.room}|${h.address}`;

/** The checked rows of a batch as flat strings, CHECKED_FIELDS a row (see `RowChecker.push`). */
const CHECKED_FIELDS = 17;

/** The first stage: rows checked on their own, against the grids, buildings and tags in scope. */
class RowChecker {
  private readonly gridByCode: Map<string, Region>;
  /** Per grid: a building by its code or its name (the first in list order, as before). */
  private readonly buildings = new Map<string, Map<string, Region>>();

  constructor(private readonly context: CheckContext) {
    this.gridByCode = new Map(context.grids.map((g) => [g.code, g]));
  }

  async loadGrid(gridCode: string): Promise<void> {
    if (!gridCode || !this.gridByCode.has(gridCode) || this.buildings.has(gridCode)) return;
    const byKey = new Map<string, Region>();
    for (const building of await this.context.loadBuildings(gridCode)) {
      if (!byKey.has(building.code)) byKey.set(building.code, building);
      if (!byKey.has(building.name)) byKey.set(building.name, building);
    }
    this.buildings.set(gridCode, byKey);
  }

  readonly lookups = {
    gridInScope: (code: string) => this.gridByCode.get(code),
    building: (gridCode: string, codeOrName: string) => this.buildings.get(gridCode)?.get(codeOrName),
    tagCode: (name: string) => this.context.tags.get(name),
  };

  static push(values: string[], row: CheckedResident): void {
    values.push(
      String(row.rowNumber),
      row.name,
      row.idNumber,
      row.gender,
      row.birthDate,
      row.phone ?? '',
      row.ethnicity,
      row.gridCode,
      row.placeCode,
      row.unit,
      row.floor === null ? '' : String(row.floor),
      row.room,
      row.address,
      row.relation,
      row.tagCodes.join(','),
      row.registeredAddress,
      row.note,
    );
  }
}

/**
 * The second stage: what is stored for each checked row (pinyin, ciphertexts, blind indexes,
 * the row hash), from CHECKED_FIELDS strings a row to ROW_FIELDS.
 */
export class RowProtector {
  /** Only 10,000 last-four values exist: their blind indexes are computed once each. */
  private readonly last4 = new Map<string, string>();

  constructor(private readonly crypto: FieldCrypto) {}

  private phoneLast4Bidx(phone: string): string {
    const last4 = phone.slice(-4);
    let found = this.last4.get(last4);
    if (!found) {
      found = this.crypto.blindIndex('person.phone_last4', last4);
      this.last4.set(last4, found);
    }
    return found;
  }

  protect(checked: readonly string[]): string[] {
    const { crypto } = this;
    const values: string[] = [];
    for (let offset = 0; offset < checked.length; offset += CHECKED_FIELDS) {
      const at = (i: number) => checked[offset + i]!;
      const [name, idNumber, phone, ethnicity, placeCode, unit, floor, room, address, relation, tags] = [
        at(1),
        at(2),
        at(5),
        at(6),
        at(8),
        at(9),
        at(10),
        at(11),
        at(12),
        at(13),
        at(14),
      ];
      const registeredAddress = at(15);
      const note = at(16);
      const pinyin = namePinyin(name);
      // The same array as before the worker split, so the hashes of earlier imports still match.
      const hash = rowHash([
        name,
        idNumber,
        phone === '' ? null : phone,
        ethnicity,
        placeCode,
        unit,
        floor === '' ? null : Number(floor),
        room,
        address,
        relation,
        tags,
        registeredAddress,
        note,
      ]);
      values.push(
        at(0),
        `${placeCode}|${unit}|${room}|${address}`,
        relation,
        crypto.blindIndex('person.id_number', idNumber),
        crypto.encrypt('person.id_number', idNumber),
        name,
        pinyin.full,
        pinyin.initials,
        at(3),
        at(4),
        ethnicity,
        phone === '' ? '' : crypto.encrypt('person.phone', phone),
        phone === '' ? '' : crypto.blindIndex('person.phone', phone),
        phone === '' ? '' : this.phoneLast4Bidx(phone),
        registeredAddress,
        note,
        hash,
        placeCode,
        at(7),
        unit,
        floor,
        room,
        address,
        tags,
      );
    }
    return values;
  }
}

/**
 * The first stage as a stream of events: the header first (the caller stops if columns are
 * missing), then batches of checked rows. Empty rows are skipped; an empty file yields nothing.
 */
export async function* checkResidents(
  file: string,
  format: SpreadsheetFormat,
  context: CheckContext,
  batchSize = 1000,
  limits: SpreadsheetLimits = DEFAULT_LIMITS,
): AsyncGenerator<PrepareEvent> {
  const checker = new RowChecker(context);
  let positions: Map<ResidentHeader, number> | undefined;
  let fraction = 0;
  let batch: RowsEvent = { kind: 'rows', values: [], problems: [], rows: 0, fraction };
  const cells = {} as Record<ResidentHeader, string>;
  for await (const source of readSpreadsheet(
    file,
    format,
    (f) => {
      fraction = f;
    },
    limits,
  )) {
    if (!positions) {
      const headers = mapHeaders(source.cells);
      positions = headers.positions;
      yield { kind: 'header', unknown: headers.unknown, missing: headers.missing };
      if (headers.missing.length > 0) return;
      continue;
    }
    let empty = true;
    for (const header of RESIDENT_HEADERS) {
      const value = normalizeCell(source.cells[positions.get(header)!] ?? '');
      cells[header] = value;
      if (value !== '') empty = false;
    }
    if (empty) continue;
    batch.rows += 1;
    await checker.loadGrid(cells.所属网格);
    const checked = checkResidentRow(source.rowNumber, cells, checker.lookups);
    if (checked.ok) RowChecker.push(batch.values, checked.row);
    else batch.problems.push([source.rowNumber, describeProblems(checked.problems)]);
    if (batch.rows >= batchSize) {
      batch.fraction = fraction;
      yield batch;
      batch = { kind: 'rows', values: [], problems: [], rows: 0, fraction };
    }
  }
  if (batch.rows > 0) {
    batch.fraction = fraction;
    yield batch;
  }
}

/** Both stages in this thread: the events `checkResidents` gives, with the rows protected. */
export async function* prepareResidents(
  file: string,
  format: SpreadsheetFormat,
  context: PrepareContext,
  limits: SpreadsheetLimits = DEFAULT_LIMITS,
): AsyncGenerator<PrepareEvent> {
  const protector = new RowProtector(context.crypto);
  for await (const event of checkResidents(file, format, context, 1000, limits)) {
    yield event.kind === 'rows' ? { ...event, values: protector.protect(event.values) } : event;
  }
}
