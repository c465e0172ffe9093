import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, loadDataKey } from './data-key.js';
import { FieldCrypto } from './field-crypto.js';

describe('FieldCrypto', () => {
  const crypto = new FieldCrypto(randomBytes(32));

  it('round-trips values and never repeats a ciphertext', () => {
    const a = crypto.encrypt('person.id_number', '11010519491231002X');
    const b = crypto.encrypt('person.id_number', '11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(crypto.decrypt('person.id_number', a)).toBe('11010519491231002X');
  });

  it('draws a new nonce for every value, across refills of the nonce pool', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 1500; i++) {
      const sealed = crypto.encrypt('person.phone', '13812345678');
      nonces.add(Buffer.from(sealed.slice(3), 'base64url').subarray(0, 12).toString('hex'));
      if (i % 500 === 0) expect(crypto.decrypt('person.phone', sealed)).toBe('13812345678');
    }
    expect(nonces.size).toBe(1500);
  });

  it('refuses a ciphertext moved to another field or tampered with', () => {
    const sealed = crypto.encrypt('person.phone', '13812345678');
    expect(() => crypto.decrypt('person.id_number', sealed)).toThrow();
    // Change the second-to-last character (whole tag bits, no padding), to one it is not: the
    // choice used to look at the last character, and left the text untouched 1 time in 64.
    const changed = sealed.at(-2) === 'A' ? 'B' : 'A';
    const flipped = `${sealed.slice(0, -2)}${changed}${sealed.slice(-1)}`;
    expect(flipped).not.toBe(sealed);
    expect(() => crypto.decrypt('person.phone', flipped)).toThrow();
  });

  it('gives stable blind indexes per field and key', () => {
    const again = crypto.blindIndex('person.phone', '13812345678');
    expect(crypto.blindIndex('person.phone', '13812345678')).toBe(again);
    expect(crypto.blindIndex('person.id_number', '13812345678')).not.toBe(again);
    expect(new FieldCrypto(randomBytes(32)).blindIndex('person.phone', '13812345678')).not.toBe(again);
  });
});

describe('loadDataKey', () => {
  it('creates a private key file once and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-key-'));
    const first = loadDataKey({ dataDir: dir, dataKey: undefined });
    expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadDataKey({ dataDir: dir, dataKey: undefined }).equals(first)).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });

  it('prefers a configured key and rejects a wrong length', () => {
    const key = randomBytes(32);
    expect(loadDataKey({ dataDir: '/nonexistent', dataKey: key.toString('base64') }).equals(key)).toBe(true);
    expect(() => loadDataKey({ dataDir: '/nonexistent', dataKey: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
