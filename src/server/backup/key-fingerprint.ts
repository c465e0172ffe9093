import { hkdfSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { KEY_FILE, loadDataKey } from '../crypto/data-key.js';

/**
 * Names the data key without revealing it: restore compares the backup's with the configured one,
 * because a database restored under another key is personal data nobody can read. Null when no key
 * is configured or kept yet: looking must not create one (loadDataKey would), or a refused restore
 * would leave a new, wrong key file behind.
 */
export function dataKeyFingerprint(config: Pick<Config, 'dataDir' | 'dataKey'>): string | null {
  if (!config.dataKey && !fs.existsSync(path.join(config.dataDir, KEY_FILE))) return null;
  const key = loadDataKey({ dataDir: config.dataDir, dataKey: config.dataKey });
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'lianxin/key-fingerprint', 16)).toString('hex');
}
