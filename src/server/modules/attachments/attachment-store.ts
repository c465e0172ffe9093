import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DomainError } from '../../http/errors.js';

/** What an order may carry: photos and PDF documents, recognized by their bytes, never by name. */
const ACCEPTED = new Map([
  ['image/jpeg', 'image'],
  ['image/png', 'image'],
  ['image/webp', 'image'],
  ['application/pdf', 'document'],
]);
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const THUMBNAIL_EDGE = 320;
/**
 * Pixels an image may declare: a 108-megapixel phone camera's, with room. Ten megabytes of PNG
 * can declare 16,383 × 16,383 (sharp's default bound), a gigabyte of pixels to unpack.
 */
export const MAX_IMAGE_PIXELS = 120_000_000;

export interface StoredFile {
  mediaType: string;
  size: number;
  sha256: string;
  hasThumbnail: boolean;
}

/**
 * Files of orders under `<dataDir>/attachments/<orderId>/<attachmentId>` (folders 0700, files
 * 0600: photos of homes are personal data), with a WebP thumbnail next to each image.
 */
export class AttachmentStore {
  constructor(private readonly dataDir: string) {}

  private folder(orderId: string): string {
    return path.join(this.dataDir, 'attachments', orderId);
  }

  filePath(orderId: string, attachmentId: string): string {
    return path.join(this.folder(orderId), attachmentId);
  }

  thumbnailPath(orderId: string, attachmentId: string): string {
    return `${this.filePath(orderId, attachmentId)}.thumb.webp`;
  }

  /** Checks the bytes and writes the file (and its thumbnail); throws a 400 for anything else. */
  async save(orderId: string, attachmentId: string, bytes: Buffer): Promise<StoredFile> {
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new DomainError('workorder.attachment_too_large', 400, {
        megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
      });
    }
    const detected = await fileTypeFromBuffer(bytes);
    const kind = detected ? ACCEPTED.get(detected.mime) : undefined;
    if (!detected || !kind) throw new DomainError('workorder.attachment_type', 400);
    let thumbnail: Buffer | undefined;
    if (kind === 'image') {
      try {
        thumbnail = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true })
          .rotate()
          .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 70 })
          .toBuffer();
      } catch {
        // Right magic bytes, broken body (or far too many pixels): not an image anyone can look at.
        throw new DomainError('workorder.attachment_type', 400);
      }
    }
    fs.mkdirSync(this.folder(orderId), { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.filePath(orderId, attachmentId), bytes, { mode: 0o600 });
    if (thumbnail) fs.writeFileSync(this.thumbnailPath(orderId, attachmentId), thumbnail, { mode: 0o600 });
    return {
      mediaType: detected.mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      hasThumbnail: thumbnail !== undefined,
    };
  }

  /** Removes a file written for an upload whose database row did not commit. */
  discard(orderId: string, attachmentId: string): void {
    fs.rmSync(this.filePath(orderId, attachmentId), { force: true });
    fs.rmSync(this.thumbnailPath(orderId, attachmentId), { force: true });
  }
}
