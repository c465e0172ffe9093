import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../auth/principal.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { type ClaimKey, idempotentRequest, onlyOnce } from '../idempotency/index.js';
import { visibilityOf, workOrdersRepository } from '../work-orders/index.js';
import { AttachmentStore } from './attachment-store.js';
import { attachmentsRepository } from './attachments.repository.js';
import type { WorkOrderAttachmentTable } from './attachments.tables.js';

const MAX_PER_ORDER = 20;

/**
 * Photos and documents of an order: uploaded by anyone who may see the order while it is not
 * archived, then tied to the step they document (resolve with photos); served only to those who
 * may see the order.
 */
export class AttachmentsService {
  readonly store: AttachmentStore;

  constructor(private readonly ctx: ServiceContext) {
    this.store = new AttachmentStore(ctx.config.dataDir);
  }

  /**
   * Stores a file of an order. With an idempotency key (a photo of a draft sent again after a
   * lost answer) the same file answers the attachment stored the first time, and nothing more is
   * written: no second file, row or audit entry.
   */
  upload(
    principal: Principal,
    orderId: string,
    upload: { fileName: string; bytes: Buffer },
    idempotencyKey?: string | undefined,
  ): Promise<WorkOrderAttachmentTable> {
    const request =
      idempotencyKey === undefined
        ? undefined
        : idempotentRequest(principal.userId, idempotencyKey, 'workorder.attachment', {
            orderId,
            fileName: upload.fileName,
            sha256: createHash('sha256').update(upload.bytes).digest('hex'),
          });
    return onlyOnce(this.ctx, request, {
      run: (claim) => this.saveNew(principal, orderId, upload, claim),
      replay: (attachmentId) => this.stored(principal, attachmentId),
    });
  }

  /** An attachment stored before (a replayed upload's answer), if the caller may still see its order. */
  private async stored(principal: Principal, attachmentId: string): Promise<WorkOrderAttachmentTable> {
    const { db } = this.ctx.database;
    const attachment = await attachmentsRepository.findUnscoped(db, attachmentId);
    const order =
      attachment && (await workOrdersRepository.view(db, visibilityOf(principal), attachment.work_order_id));
    if (!attachment || !order) throw notFound('workorder.not_found');
    return attachment;
  }

  private async saveNew(
    principal: Principal,
    orderId: string,
    upload: { fileName: string; bytes: Buffer },
    claim: ClaimKey,
  ): Promise<WorkOrderAttachmentTable> {
    const { db } = this.ctx.database;
    const order = await workOrdersRepository.view(db, visibilityOf(principal), orderId);
    if (!order) throw notFound('workorder.not_found');
    if (order.status === 'archived')
      throw new DomainError('workorder.illegal_transition', 409, { status: order.status, action: 'comment' });
    const existing = await attachmentsRepository.ofOrder(db, orderId);
    if (existing.length >= MAX_PER_ORDER)
      throw new DomainError('workorder.too_many_attachments', 400, { maximum: MAX_PER_ORDER });
    const id = uuidv7();
    const stored = await this.store.save(orderId, id, upload.bytes);
    const row = {
      id,
      district_code: order.district_code,
      work_order_id: orderId,
      event_id: null,
      file_name: upload.fileName.slice(0, 200),
      media_type: stored.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      has_thumbnail: stored.hasThumbnail ? 1 : 0,
      created_by: principal.userId,
      created_at: this.ctx.now().toISOString(),
    };
    try {
      await db.transaction().execute(async (trx) => {
        await claim(trx, id);
        await attachmentsRepository.insert(trx, row);
        await this.ctx.audit.append(trx, principal.actor, {
          action: 'workorder.attachment_added',
          targetType: 'work_order',
          targetId: orderId,
          regionCode: order.region_code,
          summary: { attachmentId: id, mediaType: stored.mediaType, size: stored.size },
        });
      });
    } catch (error) {
      this.store.discard(orderId, id);
      throw error;
    }
    return row;
  }

  /** The attachment and where its bytes are, if the caller may see its order. */
  async locate(principal: Principal, attachmentId: string, thumbnail: boolean) {
    const { db } = this.ctx.database;
    const attachment = await attachmentsRepository.findUnscoped(db, attachmentId);
    if (!attachment) throw notFound('workorder.attachment_not_found');
    const order = await workOrdersRepository.view(db, visibilityOf(principal), attachment.work_order_id);
    if (!order || (thumbnail && attachment.has_thumbnail !== 1))
      throw notFound('workorder.attachment_not_found');
    return {
      attachment,
      file: thumbnail
        ? this.store.thumbnailPath(attachment.work_order_id, attachment.id)
        : this.store.filePath(attachment.work_order_id, attachment.id),
      mediaType: thumbnail ? 'image/webp' : attachment.media_type,
    };
  }
}
