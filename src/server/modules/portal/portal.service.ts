import { v7 as uuidv7 } from 'uuid';
import { screenPersonalData } from '../../../shared/personal-data-screen.js';
import { REGION_CODE_LENGTH, regionAt } from '../../../shared/region-code.js';
import { maskPhone } from '../../../shared/validators/phone.js';
import { OPEN_STATUSES, type Satisfaction } from '../../../shared/work-orders.js';
import { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { SignedInResident } from '../../http/access-control.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { AttachmentStore, attachmentsRepository } from '../attachments/index.js';
import type { AuditActor } from '../audit/index.js';
import { attributesOf } from '../catalogue/index.js';
import type { WorkOrdersService } from '../work-orders/index.js';
import {
  callbackWithin,
  type ResidentOwnership,
  TRANSITIONS,
  type Visibility,
  type WorkOrderView,
  workOrdersRepository,
} from '../work-orders/index.js';
import { elderModeOf, suggestElderMode } from './elder-mode.js';
import { portalRepository } from './portal.repository.js';
import { MAX_PHOTOS, photoTypeOf } from './portal-photos.js';
import { residentTimeline } from './portal-timeline.js';

export interface SubmitInput {
  categoryCode: string;
  description: string;
  regionCode: string;
  address?: string | undefined;
  attributes?: Record<string, unknown> | undefined;
  publishDescription?: boolean | undefined;
}

/**
 * The resident's side of work orders: submit a request, follow it, add photos, rate it. A resident
 * sees only what they submitted; anything else is "not found". Requests enter through the same
 * intake as every other channel, and a rating is the same callback step staff take, with the same
 * rules, event and audit row.
 */
/** What makes an order the resident's (see `ResidentOwnership`). */
const ownership = (resident: SignedInResident): ResidentOwnership => ({
  residentId: resident.id,
  districtCode: resident.districtCode,
  phoneIndex: resident.phoneIndex,
  personId: resident.personId,
});

export class PortalService {
  readonly photos: AttachmentStore;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly workOrders: WorkOrdersService,
  ) {
    this.photos = new AttachmentStore(ctx.config.dataDir);
  }

  private visibility(resident: SignedInResident): Visibility {
    return { scope: new Scope([], this.ctx.database.dialect), userId: null, resident: ownership(resident) };
  }

  private async ownOrder(db: Executor, resident: SignedInResident, id: string): Promise<WorkOrderView> {
    const order = await workOrdersRepository.view(db, this.visibility(resident), id);
    if (!order) throw notFound('portal.request_not_found');
    return order;
  }

  async me(resident: SignedInResident) {
    const { db } = this.ctx.database;
    const account = await portalRepository.account(db, resident.id);
    if (!account) throw notFound('portal.request_not_found');
    const person = account.person_id ? await portalRepository.person(db, account.person_id) : undefined;
    const linked = person?.status === 'active' ? person : undefined;
    return {
      phone: maskPhone(this.ctx.crypto.decrypt('person.phone', account.phone_enc)),
      name: linked?.name ?? null,
      homeRegionCode: linked ? regionAt(linked.region_code, 'grid') : null,
      elderMode: elderModeOf(account.elder_mode),
      suggestElderMode: await suggestElderMode(db, account.elder_mode, linked, this.ctx.now()),
    };
  }

  /** Remembers the resident's choice of elder mode on their account (audited). */
  async setElderMode(resident: SignedInResident, on: boolean, actor: AuditActor) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      await portalRepository.updateAccount(trx, resident.id, { elder_mode: on ? 1 : 0 });
      await this.ctx.audit.append(trx, actor, {
        action: 'portal.elder_mode',
        targetType: 'resident',
        targetId: resident.id,
        regionCode: resident.districtCode,
        summary: { on },
      });
    });
    return this.me(resident);
  }

  /**
   * Everything the portal holds about the resident (PIPL): the account with the number in clear,
   * the linked register entry's name, and every request as the resident sees it. Audited.
   */
  async exportData(resident: SignedInResident, actor: AuditActor) {
    const { db } = this.ctx.database;
    const account = await portalRepository.account(db, resident.id);
    if (!account) throw notFound('portal.request_not_found');
    const me = await this.me(resident);
    const orders: WorkOrderView[] = [];
    for (let beforeId: string | undefined; ; ) {
      const page = await workOrdersRepository.byResident(db, ownership(resident), { beforeId, limit: 200 });
      orders.push(...page);
      if (page.length < 200) break;
      beforeId = page[page.length - 1]!.id;
    }
    const requests = [];
    for (const order of orders) {
      const detail = await this.detail(resident, order.id);
      requests.push({
        number: order.number,
        status: order.status,
        category: order.category_name,
        description: order.description,
        attributes: JSON.parse(order.attributes) as Record<string, unknown>,
        place: [...detail.placePath, order.address].filter(Boolean).join(' '),
        createdAt: order.created_at,
        closedAt: order.closed_at,
        resolution: order.resolution,
        satisfaction: order.satisfaction,
        photos: detail.photos.map((p) => ({ fileName: p.file_name, mediaType: p.media_type, size: p.size })),
        timeline: detail.timeline,
      });
    }
    await db.transaction().execute((trx) =>
      this.ctx.audit.append(trx, actor, {
        action: 'portal.subject_export',
        targetType: 'resident',
        targetId: resident.id,
        regionCode: resident.districtCode,
        summary: { requests: requests.length },
      }),
    );
    return {
      exportedAt: this.ctx.now().toISOString(),
      account: {
        phone: this.ctx.crypto.decrypt('person.phone', account.phone_enc),
        createdAt: account.created_at,
        lastLoginAt: account.last_login_at,
        registerName: me.name,
      },
      requests,
    };
  }

  /**
   * Active leaf categories with their group, in catalogue order: what a resident can ask for in
   * their district (its own categories included, shared ones it switched off left out).
   */
  async categories(districtCode: string) {
    const all = (await this.workOrders.catalogue.snapshot()).categoriesOf(districtCode);
    const byCode = new Map(all.map((category) => [category.code, category]));
    const parents = new Set(all.map((category) => category.parent_code).filter(Boolean));
    return all
      .filter((category) => category.active === 1 && !parents.has(category.code))
      .filter((category) => !category.parent_code || byCode.get(category.parent_code)?.active === 1)
      .map((category) => {
        const group = category.parent_code ? byCode.get(category.parent_code) : undefined;
        return {
          category,
          sortKey: [group?.sort ?? category.sort, category.sort],
          dto: {
            code: category.code,
            name: category.name,
            nameEn: category.name_en,
            description: category.description,
            keywords: category.keywords,
            groupCode: group?.code ?? null,
            groupName: group?.name ?? '',
            groupNameEn: group?.name_en ?? '',
            attributes: attributesOf(category).sort((a, b) => a.order - b.order),
          },
        };
      })
      .sort((a, b) => a.sortKey[0]! - b.sortKey[0]! || a.sortKey[1]! - b.sortKey[1]!)
      .map((entry) => entry.dto);
  }

  async places() {
    const rows = await portalRepository.places(this.ctx.database.db, this.ctx.config.districtCode);
    return rows.map((row) => ({
      code: row.code,
      parentCode: row.parent_code,
      kind: row.kind,
      name: row.name,
    }));
  }

  async submit(resident: SignedInResident, actor: AuditActor, input: SubmitInput): Promise<WorkOrderView> {
    const { db } = this.ctx.database;
    // The coarsest place a request may name is a community or village.
    if (input.regionCode.length < REGION_CODE_LENGTH.community)
      throw fieldError('regionCode', 'portal.place_too_coarse');
    const account = await portalRepository.account(db, resident.id);
    if (!account) throw notFound('portal.request_not_found');
    const person = account.person_id ? await portalRepository.person(db, account.person_id) : undefined;
    return this.workOrders.intake.create(
      { kind: 'resident', residentId: resident.id, actor },
      {
        categoryCode: input.categoryCode,
        description: input.description,
        channel: 'portal',
        regionCode: input.regionCode,
        address: input.address,
        attributes: input.attributes,
        contactName: person?.status === 'active' ? person.name : '',
        contactPhone: this.ctx.crypto.decrypt('person.phone', account.phone_enc),
        // Names cannot be screened reliably, so a resident's words are public only when the
        // resident opted in on the form (which says so before they send); then screened.
        publicDescription: input.publishDescription ? screenPersonalData(input.description) : undefined,
      },
    );
  }

  list(resident: SignedInResident, page: { beforeId?: string | undefined; limit: number }) {
    return workOrdersRepository.byResident(this.ctx.database.db, ownership(resident), page);
  }

  async detail(resident: SignedInResident, id: string) {
    const { db } = this.ctx.database;
    const order = await this.ownOrder(db, resident, id);
    const [events, attachments, path] = await Promise.all([
      workOrdersRepository.events(db, id),
      attachmentsRepository.ofOrder(db, id),
      portalRepository.pathNames(db, order.region_code),
    ]);
    return {
      order,
      placePath: path.filter((region) => region.kind !== 'district').map((region) => region.name),
      photos: attachments.filter((attachment) => attachment.created_by === resident.id),
      timeline: await residentTimeline(db, events),
    };
  }

  async addPhoto(
    resident: SignedInResident,
    actor: AuditActor,
    orderId: string,
    upload: { fileName: string; bytes: Buffer },
  ) {
    const { db, dialect } = this.ctx.database;
    const mediaType = photoTypeOf(upload.bytes);
    const attachmentId = uuidv7();
    try {
      return await db.transaction().execute(async (trx) => {
        const visible = await this.ownOrder(trx, resident, orderId);
        // Locks the order on PostgreSQL: two uploads at once cannot both be the third photo.
        const order = (await workOrdersRepository.findUnscoped(trx, visible.id, dialect))!;
        if (!mediaType) throw fieldError('file', 'portal.photo_type');
        if (!OPEN_STATUSES.includes(order.status)) throw conflict('portal.photo_closed');
        const existing = await attachmentsRepository.ofOrder(trx, order.id);
        if (existing.filter((a) => a.created_by === resident.id).length >= MAX_PHOTOS)
          throw new DomainError('portal.too_many_photos', 400, { maximum: MAX_PHOTOS });
        // The store checks the bytes once more (a decodable image) and makes the thumbnail staff see.
        const stored = await this.photos.save(order.id, attachmentId, upload.bytes);
        const row = {
          id: attachmentId,
          district_code: order.district_code,
          work_order_id: order.id,
          event_id: null,
          file_name: upload.fileName.slice(0, 200),
          media_type: stored.mediaType,
          size: stored.size,
          sha256: stored.sha256,
          has_thumbnail: stored.hasThumbnail ? 1 : 0,
          created_by: resident.id,
          created_at: this.ctx.now().toISOString(),
        };
        await attachmentsRepository.insert(trx, row);
        await this.ctx.audit.append(trx, actor, {
          action: 'portal.photo_added',
          targetType: 'work_order',
          targetId: order.id,
          regionCode: order.region_code,
          summary: { number: order.number, attachmentId, mediaType, size: row.size },
        });
        return row;
      });
    } catch (error) {
      this.photos.discard(orderId, attachmentId);
      throw error;
    }
  }

  /** The file of one of the resident's own photos of one of their own requests. */
  async photo(resident: SignedInResident, orderId: string, photoId: string) {
    const { db } = this.ctx.database;
    await this.ownOrder(db, resident, orderId);
    const attachment = await attachmentsRepository.findUnscoped(db, photoId);
    if (attachment?.work_order_id !== orderId || attachment.created_by !== resident.id)
      throw notFound('portal.request_not_found');
    return { file: this.photos.filePath(orderId, photoId), mediaType: attachment.media_type };
  }

  /**
   * The resident's own rating of a closed request: the callback step (回访) with the same rule
   * (only from `closed`), the same outcome (`callbackStep`: satisfied archives, unsatisfied reopens
   * with a fresh deadline and tells the handlers), the same event and audit row as a staff callback.
   */
  async rate(
    resident: SignedInResident,
    actor: AuditActor,
    orderId: string,
    input: { satisfaction: Satisfaction; comment?: string | undefined },
  ): Promise<WorkOrderView> {
    const { db, dialect } = this.ctx.database;
    const note = input.comment?.trim() ?? '';
    // Before the transaction: on SQLite a catalogue refresh inside it would wait for itself.
    const catalogue = await this.workOrders.catalogue.snapshot();
    return db.transaction().execute(async (trx) => {
      const visible = await this.ownOrder(trx, resident, orderId);
      const order = (await workOrdersRepository.findUnscoped(trx, visible.id, dialect))!;
      if (!TRANSITIONS.callback.from.includes(order.status)) throw conflict('portal.cannot_rate');
      if (input.satisfaction === 'unsatisfied' && note === '')
        throw fieldError('comment', 'portal.comment_required');
      await callbackWithin(this.ctx, trx, catalogue, order.id, {
        satisfaction: input.satisfaction,
        actor,
        note,
        by: 'resident',
      });
      return this.ownOrder(trx, resident, order.id);
    });
  }
}
