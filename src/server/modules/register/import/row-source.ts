import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import iconv from 'iconv-lite';
import { DEFAULT_LIMITS, type SpreadsheetLimits, SpreadsheetRefused } from './spreadsheet-limits.js';
import { scanXlsx, xlsxRows } from './xlsx-rows.js';

/** One row of a spreadsheet as text, numbered as the user sees it (the header is row 1). */
export interface SourceRow {
  rowNumber: number;
  cells: string[];
}

export type SpreadsheetFormat = 'xlsx' | 'csv';

export function formatOf(fileName: string): SpreadsheetFormat | undefined {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  return undefined;
}

/** Counts the bytes that pass, so progress can be shown without knowing the row count. */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      onBytes(total);
      callback(null, chunk);
    },
  });
}

/**
 * The bytes without a UTF-8 character cut at their end: a sample taken from the middle of a file
 * may end inside one, and a strict decoder would call the whole file "not UTF-8" for it.
 */
export function withoutCutCharacter(bytes: Buffer): Buffer {
  let start = bytes.length - 1;
  // Back over continuation bytes (10xxxxxx) to the lead byte of the last character: at most 3.
  while (start >= 0 && bytes.length - start <= 3 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start -= 1;
  if (start < 0) return bytes;
  const lead = bytes[start]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - start < length ? bytes.subarray(0, start) : bytes;
}

export const CSV_SAMPLE_BYTES = 64 * 1024;

/** UTF-8 (with or without BOM) when the start of the file decodes as UTF-8, else GB18030. */
export function detectCsvEncoding(file: string): 'utf8' | 'gb18030' {
  const handle = fs.openSync(file, 'r');
  const sample = Buffer.alloc(CSV_SAMPLE_BYTES);
  let read: number;
  try {
    read = fs.readSync(handle, sample, 0, sample.length, 0);
  } finally {
    fs.closeSync(handle);
  }
  // A full sample was cut from a longer file: its last character may be cut too. A whole file
  // that ends mid-character is not UTF-8.
  const bytes = read === sample.length ? withoutCutCharacter(sample) : sample.subarray(0, read);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

async function* csvRows(
  file: string,
  onBytes: (bytes: number) => void,
  limits: SpreadsheetLimits,
): AsyncGenerator<SourceRow> {
  const encoding = detectCsvEncoding(file);
  const parser = fs
    .createReadStream(file)
    .pipe(byteCounter(onBytes))
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(
      parseCsv({
        relax_column_count: true,
        skip_empty_lines: true,
        bom: true,
        info: true,
        max_record_size: limits.maxCsvRecordBytes,
      }),
    );
  let records = 0;
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      records += 1;
      const rowNumber = record.info.lines;
      if (records > limits.maxRows)
        throw new SpreadsheetRefused('import.too_many_rows', { max: limits.maxRows - 1 });
      if (record.record.length > limits.maxColumns)
        throw new SpreadsheetRefused('import.too_many_columns', {
          cell: `${rowNumber}:${record.record.length}`,
          max: limits.maxColumns,
        });
      for (const cell of record.record)
        if (cell.length > limits.maxCellChars)
          throw new SpreadsheetRefused('import.cell_too_long', { row: rowNumber, max: limits.maxCellChars });
      yield { rowNumber, cells: record.record };
    }
  } catch (error) {
    if (error instanceof SpreadsheetRefused) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'CSV_MAX_RECORD_SIZE')
      throw new SpreadsheetRefused('import.cell_too_long', { row: '—', max: limits.maxCsvRecordBytes });
    if (code.startsWith('CSV_')) throw new SpreadsheetRefused('import.unreadable');
    throw error;
  } finally {
    parser.destroy();
  }
}

/**
 * Streams the rows of an .xlsx (first sheet) or .csv file without holding the file in memory,
 * within `limits` (a file past one is refused with a SpreadsheetRefused).
 */
export function readSpreadsheet(
  file: string,
  format: SpreadsheetFormat,
  onBytes: (bytes: number) => void = () => {},
  limits: SpreadsheetLimits = DEFAULT_LIMITS,
): AsyncGenerator<SourceRow> {
  return format === 'xlsx' ? xlsxRows(file, onBytes, limits) : csvRows(file, onBytes, limits);
}

/**
 * Up to this many rows an upload is read through whole before its job starts (about a second),
 * so that any limit it breaks is answered by the upload itself. Larger .xlsx files get the quick
 * scan only (rows, unpacked and shared-string sizes); the job's reader keeps the other limits.
 */
export const FULL_CHECK_ROWS = 20_000;

/**
 * Refuses, before an import starts, a file that breaks a limit or cannot be read: the upload (or
 * the command) then answers the refusal itself, and no job is made. Keeps nothing of the file.
 */
export async function inspectSpreadsheet(
  file: string,
  format: SpreadsheetFormat,
  limits: SpreadsheetLimits,
): Promise<void> {
  if (format === 'xlsx' && (await scanXlsx(file, limits)).rows > FULL_CHECK_ROWS) return;
  // A CSV is parsed quickly (a million rows in seconds), and its limits are checked as it is.
  for await (const _ of readSpreadsheet(file, format, () => {}, limits)) {
    // reading is the check
  }
}
