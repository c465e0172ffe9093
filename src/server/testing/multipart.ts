import fs from 'node:fs';
import path from 'node:path';

/** A multipart/form-data body with one file field, as a browser's FormData upload sends it. */
export function multipartFile(file: string, options: { field?: string; fileName?: string } = {}) {
  const boundary = `----lianxin${Date.now().toString(16)}`;
  const name = options.fileName ?? path.basename(file);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, fs.readFileSync(file), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
