import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { formatOf, type SpreadsheetFormat } from '../modules/register/import/row-source.js';
import { DomainError } from './errors.js';

/** An .xlsx is a zip (PK\x03\x04); a CSV is text. The name alone decides nothing. */
function contentMatches(file: string, format: SpreadsheetFormat): boolean {
  const handle = fs.openSync(file, 'r');
  const head = Buffer.alloc(512);
  const read = fs.readSync(handle, head, 0, head.length, 0);
  fs.closeSync(handle);
  if (format === 'xlsx') return read >= 4 && head.readUInt32LE(0) === 0x04034b50;
  return !head.subarray(0, read).includes(0);
}

/**
 * Receives the multipart field "file" into a private temporary file and checks it is the
 * spreadsheet it claims to be. The caller owns (and moves or deletes) the file.
 */
export async function receiveSpreadsheet(
  request: FastifyRequest,
): Promise<{ tempFile: string; fileName: string; format: SpreadsheetFormat }> {
  const upload = await request.file();
  if (!upload) throw new DomainError('import.file_missing', 400);
  const format = formatOf(upload.filename);
  const tempFile = path.join(os.tmpdir(), `lianxin-upload-${uuidv7()}`);
  await pipeline(upload.file, fs.createWriteStream(tempFile, { mode: 0o600 }));
  if (upload.file.truncated) {
    fs.rmSync(tempFile, { force: true });
    throw new DomainError('request.too_large', 413);
  }
  if (!format || !contentMatches(tempFile, format)) {
    fs.rmSync(tempFile, { force: true });
    throw new DomainError('import.unsupported_file', 415);
  }
  return { tempFile, fileName: upload.filename, format };
}
