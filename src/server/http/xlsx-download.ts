import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The attachment header for a download with a Chinese file name (ASCII fallback first). */
export const attachment = (asciiName: string, name: string) =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Sends a workbook that a writer produces into a file (templates are small: read whole). */
export async function sendWrittenXlsx(
  reply: FastifyReply,
  write: (file: string) => Promise<void>,
  names: { ascii: string; name: string },
): Promise<FastifyReply> {
  const file = path.join(os.tmpdir(), `lianxin-xlsx-${uuidv7()}.xlsx`);
  try {
    await write(file);
    const content = fs.readFileSync(file);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(names.ascii, names.name))
      .send(content);
  } finally {
    fs.rmSync(file, { force: true });
  }
}
