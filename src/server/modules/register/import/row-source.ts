import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import iconv from 'iconv-lite';
import { xlsxRows } from './xlsx-rows.js';

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

/** UTF-8 (with or without BOM) when the start of the file decodes as UTF-8, else GB18030. */
function detectCsvEncoding(file: string): 'utf8' | 'gb18030' {
  const handle = fs.openSync(file, 'r');
  const sample = Buffer.alloc(64 * 1024);
  const read = fs.readSync(handle, sample, 0, sample.length, 0);
  fs.closeSync(handle);
  // Drop a possibly cut multi-byte character at the end of the sample.
  const bytes = sample.subarray(0, Math.max(0, read - 4));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

async function* csvRows(file: string, onBytes: (bytes: number) => void): AsyncGenerator<SourceRow> {
  const encoding = detectCsvEncoding(file);
  const parser = fs
    .createReadStream(file)
    .pipe(byteCounter(onBytes))
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parseCsv({ relax_column_count: true, skip_empty_lines: true, bom: true, info: true }));
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { rowNumber: record.info.lines, cells: record.record };
  }
}

/** Streams the rows of an .xlsx (first sheet) or .csv file without holding the file in memory. */
export function readSpreadsheet(
  file: string,
  format: SpreadsheetFormat,
  onBytes: (bytes: number) => void = () => {},
) {
  return format === 'xlsx' ? xlsxRows(file, onBytes) : csvRows(file, onBytes);
}
