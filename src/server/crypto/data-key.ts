import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const KEY_FILE = 'lianxin.key';

/**
 * The master data key: from LIANXIN_DATA_KEY (base64, for several server processes sharing one
 * PostgreSQL) or from a key file in the data directory, created with mode 0600 on first use.
 * Losing the key makes every protected value unreadable: back it up apart from the database.
 */
export function loadDataKey(options: { dataDir: string; dataKey: string | undefined }): Buffer {
  if (options.dataKey) {
    const key = Buffer.from(options.dataKey, 'base64');
    if (key.length !== 32) throw new Error('LIANXIN_DATA_KEY must be 32 bytes in base64');
    return key;
  }
  const file = path.join(options.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}
