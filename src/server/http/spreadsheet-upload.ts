import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { formatOf, type SpreadsheetFormat } from '../modules/register/index.js';
import { DomainError } from './errors.js';
import { asUploadFault, firstFile } from './multipart-upload.js';

/** Temporary upload files start with this, in `<dataDir>/tmp` (and, before, in the system's tmp). */
export const UPLOAD_PREFIX = 'lianxin-upload-';

/** Where uploads are received: private to the data directory, on its file system (a rename away). */
export const uploadTempDir = (dataDir: string): string => path.join(dataDir, 'tmp');

/** An .xlsx is a zip (PK\x03\x04); a CSV is text. The name alone decides nothing. */
function contentMatches(file: string, format: SpreadsheetFormat): boolean {
  const handle = fs.openSync(file, 'r');
  const head = Buffer.alloc(512);
  let read: number;
  try {
    read = fs.readSync(handle, head, 0, head.length, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (format === 'xlsx') return read >= 4 && head.readUInt32LE(0) === 0x04034b50;
  return !head.subarray(0, read).includes(0);
}

/**
 * Receives the multipart field "file" into a private temporary file in `tempDir` and checks it is
 * the spreadsheet it claims to be. The caller owns (and moves or deletes) the file; on any
 * failure here (a malformed or cut-off body, too large, the wrong type) nothing is left behind.
 */
export async function receiveSpreadsheet(
  request: FastifyRequest,
  tempDir: string,
): Promise<{ tempFile: string; fileName: string; format: SpreadsheetFormat }> {
  const upload = await firstFile(request);
  if (!upload) throw new DomainError('import.file_missing', 400);
  // A part sent without a file name (a plain field where a file belongs) is no spreadsheet: its
  // body is still drained into the temporary file below so the request ends, then refused.
  const fileName: string = typeof upload.filename === 'string' ? upload.filename : '';
  const format = fileName ? formatOf(fileName) : undefined;
  fs.mkdirSync(tempDir, { recursive: true, mode: 0o700 });
  const tempFile = path.join(tempDir, `${UPLOAD_PREFIX}${uuidv7()}`);
  try {
    try {
      await pipeline(upload.file, fs.createWriteStream(tempFile, { mode: 0o600 }));
    } catch (error) {
      throw asUploadFault(error);
    }
    if (upload.file.truncated) throw new DomainError('request.too_large', 413);
    if (!format || !contentMatches(tempFile, format)) throw new DomainError('import.unsupported_file', 415);
  } catch (error) {
    fs.rmSync(tempFile, { force: true });
    throw error;
  }
  return { tempFile, fileName, format };
}

/** An upload file untouched this long belongs to no upload in progress (one writes it as it streams). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes what aborted uploads left behind (at start): upload files in `tempDir` and in the
 * system's tmp (where earlier versions received them) untouched for an hour. A younger one may be
 * another server's upload in progress on the same machine.
 */
export function sweepUploadTempFiles(directories: readonly string[], now: Date): number {
  let removed = 0;
  for (const directory of directories) {
    if (!fs.existsSync(directory)) continue;
    for (const name of fs.readdirSync(directory)) {
      if (!name.startsWith(UPLOAD_PREFIX)) continue;
      const file = path.join(directory, name);
      try {
        if (fs.lstatSync(file).mtimeMs > now.getTime() - STALE_AFTER_MS) continue;
        fs.rmSync(file, { force: true, recursive: true });
        removed += 1;
      } catch {
        // Gone already, or not ours to remove.
      }
    }
  }
  return removed;
}
