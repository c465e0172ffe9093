import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomFillSync,
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
  | 'otp.code'
  /** Keyed hashes of love-supermarket redemption codes, for the same reason. */
  | 'timebank.redemption_code'

  /** Rotating check-in codes of volunteer activities (an HMAC of activity and time step). */
  | 'volunteer.check_in'
  /** Rotating check-in codes of training sessions (an HMAC of session and time window). */
  | 'training.check_in';

/** The two keys derived from the master key. */
export interface FieldKeys {
  encryption: KeyObject;
  index: KeyObject;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Nonces are drawn from the CSPRNG in blocks: one call per 512 values instead of one each. */
const IV_POOL_BYTES = IV_BYTES * 512;

export class FieldCrypto {
  // KeyObjects, not Buffers: the key is imported once instead of on every cipher.
  private readonly encryptionKey: KeyObject;
  private readonly indexKey: KeyObject;
  private readonly aad = new Map<ProtectedField, Buffer>();
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  /** From the 32-byte master key, or from the `keys()` of another instance (a worker thread's). */
  constructor(key: Buffer | FieldKeys) {
    if (!Buffer.isBuffer(key)) {
      this.encryptionKey = key.encryption;
      this.indexKey = key.index;
      return;
    }
    if (key.length !== 32) throw new Error('The data key must be 32 bytes');
    this.encryptionKey = createSecretKey(
      Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'lianxin/encrypt', 32)),
    );
    this.indexKey = createSecretKey(
      Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'lianxin/blind-index', 32)),
    );
  }

  /** The derived keys, to hand to a worker thread of this process (KeyObjects cross threads). */
  keys(): FieldKeys {
    return { encryption: this.encryptionKey, index: this.indexKey };
  }

  private aadOf(field: ProtectedField): Buffer {
    let aad = this.aad.get(field);
    if (!aad) {
      aad = Buffer.from(field);
      this.aad.set(field, aad);
    }
    return aad;
  }

  /** A fresh random 96-bit nonce; each is handed out once (a slice of a block never reused). */
  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomFillSync(Buffer.allocUnsafe(IV_POOL_BYTES));
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  /** `v1.<base64url iv|ciphertext|tag>` */
  encrypt(field: ProtectedField, plaintext: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(this.aadOf(field));
    const head = cipher.update(plaintext, 'utf8');
    // GCM is a stream mode: final() computes the tag and adds no bytes (joined if it ever did).
    const tail = cipher.final();
    const body = tail.length === 0 ? head : Buffer.concat([head, tail]);
    const sealed = Buffer.allocUnsafe(IV_BYTES + body.length + TAG_BYTES);
    iv.copy(sealed, 0);
    body.copy(sealed, IV_BYTES);
    cipher.getAuthTag().copy(sealed, IV_BYTES + body.length);
    return `${VERSION}.${sealed.toString('base64url')}`;
  }

  decrypt(field: ProtectedField, sealed: string): string {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
    const bytes = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(this.aadOf(field));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
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
