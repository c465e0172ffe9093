import { SaxesParser, type SaxesTagPlain } from 'saxes';
import unzipper from 'unzipper';
import { type SpreadsheetLimits, SpreadsheetRefused, UnpackedBytes } from './spreadsheet-limits.js';

/**
 * A streaming .xlsx row reader: the first worksheet, row by row, cells as text.
 *
 * exceljs's streaming reader decodes each compressed chunk on its own and so breaks Chinese
 * characters that straddle a chunk boundary (about one row in a few thousand). Here each zip
 * entry is decoded as one UTF-8 stream, so characters arrive whole. Shared strings are held in
 * memory (Excel writes them for every text cell); rows are not.
 *
 * The file is someone's upload: every entry's unpacked bytes, the rows, the columns, the cells
 * and the shared strings are bounded (spreadsheet-limits.ts), and a file past a bound is refused
 * with a SpreadsheetRefused as soon as the bound is crossed.
 */
type Entry = unzipper.File;

/** Excel's own last row: a row number beyond it is not a spreadsheet's. */
const EXCEL_MAX_ROW = 1_048_576;
/**
 * Unpacked bytes without a tag between them: the XML parser holds them in one string until the
 * next tag, so a cell of a gigabyte would be a gigabyte of memory before any check of ours.
 */
const MAX_BYTES_BETWEEN_TAGS = 1024 * 1024;

interface ReadContext {
  limits: SpreadsheetLimits;
  unpacked: UnpackedBytes;
}

/** Parses one XML entry as it streams, yielding what `collect` gathered after each chunk. */
async function* saxEntries<T>(
  entry: Entry,
  context: ReadContext,
  setup: (parser: SaxesParser, out: T[]) => void,
  onChunk: (bytes: number) => void = () => {},
): AsyncGenerator<T[]> {
  const parser = new SaxesParser();
  const out: T[] = [];
  setup(parser, out);
  // saxes keeps one handler per event: `setup` has the others, this one is the only opentagstart.
  let sinceTag = 0;
  parser.on('opentagstart', () => {
    sinceTag = 0;
  });
  const meter = context.unpacked.meter(entry);
  const stream = entry.stream();
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const bytes = Buffer.byteLength(chunk);
      meter(bytes);
      onChunk(bytes);
      sinceTag += bytes;
      parser.write(chunk);
      if (sinceTag > MAX_BYTES_BETWEEN_TAGS)
        throw new SpreadsheetRefused('import.too_large_unpacked', { entry: entry.path });
      if (out.length > 0) yield out.splice(0, out.length);
    }
    parser.close();
  } finally {
    // Stop inflating at once when refused (or when the reader is abandoned).
    stream.destroy();
  }
  if (out.length > 0) yield out.splice(0, out.length);
}

async function readXml(
  entry: Entry | undefined,
  context: ReadContext,
  onTag: (tag: SaxesTagPlain) => void,
): Promise<void> {
  if (!entry) return;
  for await (const _ of saxEntries<never>(entry, context, (parser) => parser.on('opentag', onTag))) {
    // onTag did the work
  }
}

/** The text of each <si>, skipping phonetic runs (<rPh>) that are not part of the value. */
async function sharedStrings(entry: Entry | undefined, context: ReadContext): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const { limits } = context;
  let totalChars = 0;
  const tooMany = () => new SpreadsheetRefused('import.too_many_strings', { max: limits.maxSharedStrings });
  for await (const batch of saxEntries<string>(entry, context, (parser, out) => {
    let current: string | null = null;
    let inText = false;
    let phonetic = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic += 1;
      else if (tag.name === 't') inText = true;
    });
    parser.on('text', (text) => {
      if (inText && phonetic === 0 && current !== null) {
        current += text;
        if (current.length > limits.maxCellChars)
          throw new SpreadsheetRefused('import.cell_too_long', { row: '—', max: limits.maxCellChars });
      }
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') phonetic -= 1;
      else if (tag.name === 'si' && current !== null) {
        totalChars += current.length;
        if (strings.length + out.length >= limits.maxSharedStrings) throw tooMany();
        if (totalChars > limits.maxSharedStringChars) throw tooMany();
        out.push(current);
        current = null;
      }
    });
  })) {
    for (const text of batch) strings.push(text);
  }
  return strings;
}

/** 'C12' → 2 (zero-based column); refuses a reference that is not one, or lies past the bound. */
function columnOf(reference: string, maxColumns: number): number {
  let column = 0;
  let letters = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    letters += 1;
    column = column * 26 + (code - 64);
    if (column > maxColumns)
      throw new SpreadsheetRefused('import.too_many_columns', {
        cell: reference.slice(0, 20),
        max: maxColumns,
      });
  }
  if (letters === 0 || !/^\d*$/.test(reference.slice(letters)))
    throw new SpreadsheetRefused('import.bad_cell_reference', { cell: reference.slice(0, 20) });
  return column - 1;
}

/** Whole numbers print in full: a long digit string typed as a number must not turn into 1.1e+17. */
const numberText = (raw: string) => {
  const value = Number(raw);
  return Number.isInteger(value) ? value.toFixed(0) : raw;
};

/** The first sheet of the workbook, by workbook.xml order and its relationships. */
async function firstSheetPath(files: Map<string, Entry>, context: ReadContext): Promise<string> {
  let firstId: string | undefined;
  await readXml(files.get('xl/workbook.xml'), context, (tag) => {
    if (tag.name === 'sheet' && !firstId) firstId = tag.attributes['r:id'];
  });
  let target: string | undefined;
  await readXml(files.get('xl/_rels/workbook.xml.rels'), context, (tag) => {
    if (tag.name === 'Relationship' && tag.attributes.Id === firstId) target = tag.attributes.Target;
  });
  if (target) {
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (files.has(path)) return path;
  }
  const fallback = [...files.keys()].filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).sort()[0];
  if (!fallback) throw new SpreadsheetRefused('import.unreadable');
  return fallback;
}

/** The zip's directory, refused when its own headers already show a bomb. */
async function openWorkbook(file: string, limits: SpreadsheetLimits): Promise<Map<string, Entry>> {
  let directory: unzipper.CentralDirectory;
  try {
    directory = await unzipper.Open.file(file);
  } catch {
    throw new SpreadsheetRefused('import.unreadable');
  }
  if (directory.files.length > limits.maxEntries)
    throw new SpreadsheetRefused('import.too_large_unpacked', { entry: `${directory.files.length} entries` });
  let declared = 0;
  for (const entry of directory.files) {
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (
      entry.uncompressedSize > limits.maxEntryBytes ||
      declared > limits.maxUnpackedBytes ||
      (entry.uncompressedSize > limits.ratioFromBytes && ratio > limits.maxRatio)
    )
      throw new SpreadsheetRefused('import.too_large_unpacked', { entry: entry.path });
  }
  return new Map(directory.files.map((f) => [f.path, f]));
}

export async function* xlsxRows(
  file: string,
  onFraction: (fraction: number) => void,
  limits: SpreadsheetLimits,
): AsyncGenerator<{ rowNumber: number; cells: string[] }> {
  try {
    yield* sheetRows(file, onFraction, limits);
  } catch (error) {
    throw asRefusal(error);
  }
}

async function* sheetRows(
  file: string,
  onFraction: (fraction: number) => void,
  limits: SpreadsheetLimits,
): AsyncGenerator<{ rowNumber: number; cells: string[] }> {
  const files = await openWorkbook(file, limits);
  const context: ReadContext = { limits, unpacked: new UnpackedBytes(limits) };
  const strings = await sharedStrings(files.get('xl/sharedStrings.xml'), context);
  const sheet = files.get(await firstSheetPath(files, context))!;
  const total = Math.max(1, sheet.uncompressedSize);
  let seen = 0;
  let rowCount = 0;

  const rows = saxEntries<{ rowNumber: number; cells: string[] }>(
    sheet,
    context,
    (parser, out) => {
      let rowNumber = 0;
      let cells: string[] = [];
      let cellType = 'n';
      let cellColumn = 0;
      let value = '';
      let capture = false;
      parser.on('opentag', (tag) => {
        if (tag.name === 'row') {
          rowCount += 1;
          if (rowCount > limits.maxRows)
            throw new SpreadsheetRefused('import.too_many_rows', { max: limits.maxRows - 1 });
          rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
          if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > EXCEL_MAX_ROW)
            throw new SpreadsheetRefused('import.bad_cell_reference', {
              cell: String(tag.attributes.r).slice(0, 20),
            });
          cells = [];
        } else if (tag.name === 'c') {
          cellType = tag.attributes.t ?? 'n';
          cellColumn = tag.attributes.r ? columnOf(tag.attributes.r, limits.maxColumns) : cells.length;
          if (cellColumn >= limits.maxColumns)
            throw new SpreadsheetRefused('import.too_many_columns', {
              cell: `#${cellColumn + 1}`,
              max: limits.maxColumns,
            });
          value = '';
        } else if (tag.name === 'v' || (tag.name === 't' && cellType === 'inlineStr')) {
          capture = true;
        }
      });
      parser.on('text', (text) => {
        if (!capture) return;
        value += text;
        if (value.length > limits.maxCellChars)
          throw new SpreadsheetRefused('import.cell_too_long', { row: rowNumber, max: limits.maxCellChars });
      });
      parser.on('closetag', (tag) => {
        if (tag.name === 'v' || tag.name === 't') capture = false;
        else if (tag.name === 'c') {
          const text =
            cellType === 's'
              ? (strings[Number(value)] ?? '')
              : cellType === 'b'
                ? value === '1'
                  ? 'TRUE'
                  : 'FALSE'
                : cellType === 'n' && value !== ''
                  ? numberText(value)
                  : value;
          while (cells.length < cellColumn) cells.push('');
          cells[cellColumn] = text;
        } else if (tag.name === 'row') {
          out.push({ rowNumber, cells });
        }
      });
    },
    (bytes) => {
      seen += bytes;
      onFraction(Math.min(1, seen / total));
    },
  );
  for await (const batch of rows) yield* batch;
}

/** What went wrong reading the file, as the reader's refusal: a broken zip or XML is the file's fault. */
function asRefusal(error: unknown): unknown {
  if (error instanceof SpreadsheetRefused) return error;
  // The machine's own failures (disk, descriptors) are not the file's.
  if (error instanceof Error && /^E[A-Z]+$/.test((error as { code?: string }).code ?? '')) return error;
  return new SpreadsheetRefused('import.unreadable');
}

/** Bytes that may follow a tag's name: space, tab, CR, LF, '>' or '/'. */
const AFTER_NAME = new Set([0x20, 0x09, 0x0d, 0x0a, 0x3e, 0x2f]);

/**
 * Counts the opening tags `<name` of an entry in its raw bytes, without parsing: a few seconds
 * for a million rows where parsing takes minutes. Stops counting at `stopAt`.
 */
async function countTags(entry: Entry, meter: (bytes: number) => void, name: string, stopAt: number) {
  const open = Buffer.from(`<${name}`);
  const stream = entry.stream();
  let count = 0;
  let carry = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      meter(chunk.length);
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      // A match whose next byte is not here yet is counted with the next chunk (it is in `carry`).
      for (
        let at = data.indexOf(open);
        at !== -1 && at + open.length < data.length;
        at = data.indexOf(open, at + 1)
      ) {
        if (AFTER_NAME.has(data[at + open.length]!)) count += 1;
        if (count >= stopAt) return count;
      }
      carry = Buffer.from(data.subarray(Math.max(0, data.length - open.length)));
    }
  } finally {
    stream.destroy();
  }
  return count;
}

/**
 * The quick look an upload gets before its job starts: the zip's headers, the unpacked bytes
 * (counted), the shared strings and the rows (counted, not parsed). The readers above still keep
 * every limit while the job reads.
 */
export async function scanXlsx(file: string, limits: SpreadsheetLimits): Promise<{ rows: number }> {
  try {
    const files = await openWorkbook(file, limits);
    const context: ReadContext = { limits, unpacked: new UnpackedBytes(limits) };
    const strings = files.get('xl/sharedStrings.xml');
    if (strings) {
      const count = await countTags(
        strings,
        context.unpacked.meter(strings),
        'si',
        limits.maxSharedStrings + 1,
      );
      if (count > limits.maxSharedStrings)
        throw new SpreadsheetRefused('import.too_many_strings', { max: limits.maxSharedStrings });
    }
    const sheet = files.get(await firstSheetPath(files, context))!;
    const rows = await countTags(sheet, context.unpacked.meter(sheet), 'row', limits.maxRows + 1);
    if (rows > limits.maxRows)
      throw new SpreadsheetRefused('import.too_many_rows', { max: limits.maxRows - 1 });
    return { rows };
  } catch (error) {
    throw asRefusal(error);
  }
}
