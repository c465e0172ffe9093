import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../auth/principal.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { visibilityOf, workOrdersRepository } from '../work-orders/index.js';
import { AttachmentStore } from './attachment-store.js';
import { attachmentsRepository } from './attachments.repository.js';

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

  async upload(principal: Principal, orderId: string, upload: { fileName: string; bytes: Buffer }) {
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
