import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A resident attaches at most this many photos to a request, each at most this large. */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/**
 * The image type by the file's first bytes (its magic number), never by its name or the type
 * the browser claims: JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF····WEBP`.
 */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/**
 * Where the photos of orders live: `<dataDir>/attachments/<orderId>/<attachmentId>`, folders 0700
 * and files 0600 (a photo of someone's home is personal data). The same layout the staff-side
 * attachments use, so the two can become one store.
 */
export class PortalPhotoStore {
  constructor(private readonly dataDir: string) {}

  private folder(orderId: string): string {
    return path.join(this.dataDir, 'attachments', orderId);
  }

  filePath(orderId: string, attachmentId: string): string {
    return path.join(this.folder(orderId), attachmentId);
  }

  write(orderId: string, attachmentId: string, bytes: Buffer): { sha256: string } {
    fs.mkdirSync(this.folder(orderId), { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.filePath(orderId, attachmentId), bytes, { mode: 0o600 });
    return { sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Removes a file whose database row did not commit. */
  discard(orderId: string, attachmentId: string): void {
    fs.rmSync(this.filePath(orderId, attachmentId), { force: true });
  }
}
