import type { MessageCode } from '../../../i18n/messages.js';

/**
 * What a reader of an uploaded spreadsheet accepts at most. An .xlsx is a zip of XML: its headers
 * can lie, a few kilobytes can unpack to gigabytes, and a single cell reference can name column
 * 5,000,000. Every bound here is counted as the bytes stream, not taken from the file's word.
 */
export interface SpreadsheetLimits {
  /** Rows of the sheet (the header included, empty rows too): an .xlsx's <row>s, a CSV's records. */
  maxRows: number;
  /** Columns: a cell beyond this one refuses the file. The templates have 14. */
  maxColumns: number;
  /** Characters of one cell: Excel's own limit. */
  maxCellChars: number;
  /** Shared strings of an .xlsx, held in memory while it is read: how many, and in all. */
  maxSharedStrings: number;
  maxSharedStringChars: number;
  /** Entries of the zip. */
  maxEntries: number;
  /** Unpacked bytes of one zip entry, and of all entries read. */
  maxEntryBytes: number;
  maxUnpackedBytes: number;
  /** Unpacked over packed bytes of an entry, once it is larger than `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
  /** Bytes of one CSV record (a guard against a file with no line ends). */
  maxCsvRecordBytes: number;
}

/** The default row bound of a resident import (LIANXIN_IMPORT_MAX_ROWS sets another). */
export const DEFAULT_MAX_ROWS = 1_000_000;

/**
 * Generous for the million-row register the product is built for (about 5 unique strings a row,
 * a sheet of ~1 GB unpacked), far below what would exhaust a server.
 */
export const DEFAULT_LIMITS: SpreadsheetLimits = {
  maxRows: DEFAULT_MAX_ROWS + 1,
  maxColumns: 256,
  maxCellChars: 32_767,
  maxSharedStrings: 6_000_000,
  maxSharedStringChars: 120_000_000,
  maxEntries: 1_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxUnpackedBytes: 3 * 1024 ** 3,
  // Spreadsheet XML packs 5–30 to 1; a run of identical tags packs 1,000 to 1.
  maxRatio: 200,
  ratioFromBytes: 16 * 1024 * 1024,
  maxCsvRecordBytes: 1024 * 1024,
};

/** Limits for an import whose data rows may number `maxDataRows` (the header is one more row). */
export const limitsForRows = (maxDataRows: number): SpreadsheetLimits => ({
  ...DEFAULT_LIMITS,
  maxRows: maxDataRows + 1,
});

/** A file refused by a limit (or unreadable): the message says which, in the user's language. */
export class SpreadsheetRefused extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'SpreadsheetRefused';
  }
}

/** Counts an entry's unpacked bytes as they stream and refuses the file past a bound. */
export class UnpackedBytes {
  private total = 0;

  constructor(private readonly limits: SpreadsheetLimits) {}

  /** A meter for one entry: call it with each chunk's byte count. */
  meter(entry: { path: string; compressedSize: number }): (bytes: number) => void {
    let unpacked = 0;
    return (bytes) => {
      unpacked += bytes;
      this.total += bytes;
      const { limits } = this;
      if (
        unpacked > limits.maxEntryBytes ||
        this.total > limits.maxUnpackedBytes ||
        (unpacked > limits.ratioFromBytes && unpacked > limits.maxRatio * Math.max(1, entry.compressedSize))
      )
        throw new SpreadsheetRefused('import.too_large_unpacked', { entry: entry.path });
    };
  }
}
