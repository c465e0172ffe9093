import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * Protection of personal data at rest. One 32-byte master key yields two keys (HKDF): one for
 * AES-256-GCM encryption of values, one for HMAC-SHA256 blind indexes that let exact-match
 * look-ups work without storing the value. Each field name is bound into both (AAD / HMAC input),
 * so a ciphertext or index copied into another column does not decrypt or match there.
 */
export type ProtectedField =
  | 'person.id_number'
  | 'person.phone'
  | 'person.phone_last4'
  | 'health.record'
  | 'notification.params'
  /** Keyed hashes of portal sign-in codes: a database dump alone cannot try the million codes. */
  | 'otp.code';

const VERSION = 'v1';

export class FieldCrypto {
  // KeyObjects, not Buffers: the key is imported once instead of on every cipher.
  private readonly encryptionKey: KeyObject;
  private readonly indexKey: KeyObject;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The data key must be 32 bytes');
    this.encryptionKey = createSecretKey(
      Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin/encrypt', 32)),
    );
    this.indexKey = createSecretKey(
      Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin/blind-index', 32)),
    );
  }

  /** `v1.<base64url iv|ciphertext|tag>` */
  encrypt(field: ProtectedField, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  decrypt(field: ProtectedField, sealed: string): string {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
    const bytes = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  }

  /** A keyed hash of a normalized value: equal values give equal indexes, nothing else is revealed. */
  blindIndex(field: ProtectedField, normalizedValue: string): string {
    return createHmac('sha256', this.indexKey)
      .update(field)
      .update('\u0000')
      .update(normalizedValue)
      .digest('hex')
      .slice(0, 32);
  }
}
