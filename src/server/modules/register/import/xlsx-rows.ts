import { SaxesParser, type SaxesTagPlain } from 'saxes';
import unzipper from 'unzipper';

/**
 * A streaming .xlsx row reader: the first worksheet, row by row, cells as text.
 *
 * exceljs's streaming reader decodes each compressed chunk on its own and so breaks Chinese
 * characters that straddle a chunk boundary (about one row in a few thousand). Here each zip
 * entry is decoded as one UTF-8 stream, so characters arrive whole. Shared strings are held in
 * memory (Excel writes them for every text cell); rows are not.
 */
type Entry = unzipper.File;

/** Parses one XML entry as it streams, yielding what `collect` gathered after each chunk. */
async function* saxEntries<T>(
  entry: Entry,
  setup: (parser: SaxesParser, out: T[]) => void,
  onChunk: (bytes: number) => void = () => {},
): AsyncGenerator<T[]> {
  const parser = new SaxesParser();
  const out: T[] = [];
  setup(parser, out);
  const stream = entry.stream();
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    onChunk(Buffer.byteLength(chunk));
    parser.write(chunk);
    if (out.length > 0) yield out.splice(0, out.length);
  }
  parser.close();
  if (out.length > 0) yield out.splice(0, out.length);
}

async function readXml(entry: Entry | undefined, onTag: (tag: SaxesTagPlain) => void): Promise<void> {
  if (!entry) return;
  for await (const _ of saxEntries<never>(entry, (parser) => parser.on('opentag', onTag))) {
    // onTag did the work
  }
}

/** The text of each <si>, skipping phonetic runs (<rPh>) that are not part of the value. */
async function sharedStrings(entry: Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  for await (const batch of saxEntries<string>(entry, (parser, out) => {
    let current: string | null = null;
    let inText = false;
    let phonetic = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic += 1;
      else if (tag.name === 't') inText = true;
    });
    parser.on('text', (text) => {
      if (inText && phonetic === 0 && current !== null) current += text;
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') phonetic -= 1;
      else if (tag.name === 'si' && current !== null) {
        out.push(current);
        current = null;
      }
    });
  })) {
    strings.push(...batch);
  }
  return strings;
}

/** 'C12' → 2 (zero-based column). */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

/** Whole numbers print in full: a long digit string typed as a number must not turn into 1.1e+17. */
const numberText = (raw: string) => {
  const value = Number(raw);
  return Number.isInteger(value) ? value.toFixed(0) : raw;
};

/** The first sheet of the workbook, by workbook.xml order and its relationships. */
async function firstSheetPath(files: Map<string, Entry>): Promise<string> {
  let firstId: string | undefined;
  await readXml(files.get('xl/workbook.xml'), (tag) => {
    if (tag.name === 'sheet' && !firstId) firstId = tag.attributes['r:id'];
  });
  let target: string | undefined;
  await readXml(files.get('xl/_rels/workbook.xml.rels'), (tag) => {
    if (tag.name === 'Relationship' && tag.attributes.Id === firstId) target = tag.attributes.Target;
  });
  if (target) {
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (files.has(path)) return path;
  }
  const fallback = [...files.keys()].filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).sort()[0];
  if (!fallback) throw new Error('The workbook has no worksheet');
  return fallback;
}

export async function* xlsxRows(
  file: string,
  onFraction: (fraction: number) => void,
): AsyncGenerator<{ rowNumber: number; cells: string[] }> {
  const directory = await unzipper.Open.file(file);
  const files = new Map(directory.files.map((f) => [f.path, f]));
  const strings = await sharedStrings(files.get('xl/sharedStrings.xml'));
  const sheet = files.get(await firstSheetPath(files))!;
  const total = Math.max(1, sheet.uncompressedSize);
  let seen = 0;

  const rows = saxEntries<{ rowNumber: number; cells: string[] }>(
    sheet,
    (parser, out) => {
      let rowNumber = 0;
      let cells: string[] = [];
      let cellType = 'n';
      let cellColumn = 0;
      let value = '';
      let capture = false;
      parser.on('opentag', (tag) => {
        if (tag.name === 'row') {
          rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
          cells = [];
        } else if (tag.name === 'c') {
          cellType = tag.attributes.t ?? 'n';
          cellColumn = tag.attributes.r ? columnOf(tag.attributes.r) : cells.length;
          value = '';
        } else if (tag.name === 'v' || (tag.name === 't' && cellType === 'inlineStr')) {
          capture = true;
        }
      });
      parser.on('text', (text) => {
        if (capture) value += text;
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
