import { hkdfSync } from 'node:crypto';
import type { Config } from '../config.js';
import { loadDataKey } from '../crypto/data-key.js';

/**
 * Names the data key without revealing it: restore compares the backup's with the configured one,
 * because a database restored under another key is personal data nobody can read.
 */
export function dataKeyFingerprint(config: Pick<Config, 'dataDir' | 'dataKey'>): string {
  const key = loadDataKey({ dataDir: config.dataDir, dataKey: config.dataKey });
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'lianxin/key-fingerprint', 16)).toString('hex');
}
