import { v7 as uuidv7 } from 'uuid';
import { beijingDate } from '../../../../shared/beijing-time.js';
import type { Satisfaction, WorkOrderAction, WorkOrderStatus } from '../../../../shared/work-orders.js';
import type { Permission } from '../../../auth/permissions.js';
import type { Principal } from '../../../auth/principal.js';
import type { Executor } from '../../../db/database.js';
import type { WorkOrder } from '../../../db/tables.js';
import { conflict, DomainError, fieldError, notFound } from '../../../http/errors.js';
import type { ServiceContext } from '../../../services.js';
import { attachmentsRepository } from '../../attachments/index.js';
import type { CatalogueCache, CatalogueSnapshot } from '../../catalogue/index.js';
import { deedsRepository, writeDeedAndCounters } from '../../deeds/index.js';
import { type ClaimKey, idempotentRequest, onlyOnce } from '../../idempotency/index.js';
import type { TemplateCode } from '../../notifications/index.js';
import { WorkOrderStep } from '../work-order-steps.js';
import { type Visibility, workOrdersRepository } from '../work-orders.repository.js';
import { callbackStep } from './callback-step.js';
import { dispatchStep } from './dispatch-step.js';
import { tellHandlers, tellResident } from './notices.js';
import type { Changes, Outcome } from './outcome.js';
import { type ActingSide, TRANSITIONS } from './work-order-rules.js';

export type ActionInput = {
  action: WorkOrderAction;
  note?: string | undefined;
  /** The version the caller saw; when given, a newer order is a conflict rather than a surprise. */
  version?: number | undefined;
  targetRegionCode?: string | undefined;
  assigneeUserId?: string | undefined;
  assigneeMemberId?: string | undefined;
  days?: number | undefined;
  approve?: boolean | undefined;
  satisfaction?: Satisfaction | undefined;
  attachmentIds?: string[] | undefined;
};

export const visibilityOf = (principal: Principal): Visibility => ({
  scope: principal.scopeFor('workorder.read'),
  userId: principal.userId,
});

/**
 * Every step after intake (DESIGN §4). Each action is checked, in order: the caller can see the
 * order (else 404), the action is legal from the order's status (else 409), the caller is on the
 * side that takes it (else 403), its particulars are valid (else 400); then the order changes
 * only if nobody changed it since it was read (else 409), with its event, audit row and
 * notifications in the same transaction.
 */
export class WorkOrderActions {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly catalogue: CatalogueCache,
  ) {}

  catalogueSnapshot(): Promise<CatalogueSnapshot> {
    return this.catalogue.snapshot();
  }

  /** Whether the caller is on the side that takes an action (no status or input checks). */
  sideAllows(principal: Principal, order: WorkOrder, side: ActingSide, permission: Permission): boolean {
    const scope = principal.scopeFor(permission);
    switch (side) {
      case 'holder':
        return (
          (order.assignee_user_id !== null && order.assignee_user_id === principal.userId) ||
          scope.includes(order.handler_region_code)
        );
      case 'dispatcher':
        return scope.includes(order.dispatcher_region_code ?? order.handler_region_code);
      case 'overseer':
        // The person an order was given to may comment on it, but not urge or supervise themselves.
        return (
          scope.includes(order.region_code) ||
          (permission === 'workorder.read' && order.assignee_user_id === principal.userId)
        );
    }
  }

  /** The actions the caller could take now (for the UI's buttons). */
  available(principal: Principal, order: WorkOrder): WorkOrderAction[] {
    return (Object.keys(TRANSITIONS) as WorkOrderAction[]).filter((action) => {
      const rule = TRANSITIONS[action];
      if (!rule.from.includes(order.status)) return false;
      if (action === 'approve_extension' || action === 'reject_extension') {
        if (!order.pending_extension) return false;
      }
      if (action === 'extend' && order.pending_extension) return false;
      if (action === 'supervise' && order.supervised === 1) return false;
      return this.sideAllows(principal, order, rule.side, rule.permission);
    });
  }

  /**
   * Takes one step. With an idempotency key (a draft typed offline, sent again after a lost
   * answer) a step already taken answers the order as it is now and writes nothing: no second
   * event, audit row, deed or message.
   */
  act(
    principal: Principal,
    id: string,
    input: ActionInput,
    idempotencyKey?: string | undefined,
  ): Promise<WorkOrder & { category_name: string }> {
    const request =
      idempotencyKey === undefined
        ? undefined
        : idempotentRequest(principal.userId, idempotencyKey, 'workorder.action', { id, input });
    return onlyOnce(this.ctx, request, {
      run: (claim) => this.step(principal, id, input, claim),
      replay: (orderId) => this.asNow(principal, orderId),
    });
  }

  /** The order as the caller may see it now (a replayed step's answer): 404 if they no longer may. */
  private async asNow(principal: Principal, id: string): Promise<WorkOrder & { category_name: string }> {
    const { db } = this.ctx.database;
    if (!(await workOrdersRepository.view(db, visibilityOf(principal), id)))
      throw notFound('workorder.not_found');
    const catalogue = await this.catalogue.snapshot();
    const order = (await workOrdersRepository.findUnscoped(db, id))!;
    return { ...order, category_name: catalogue.categories.get(order.category_code)?.name ?? '' };
  }

  private async step(
    principal: Principal,
    id: string,
    input: ActionInput,
    claim: ClaimKey,
  ): Promise<WorkOrder & { category_name: string }> {
    const { db, dialect } = this.ctx.database;
    const rule = TRANSITIONS[input.action];
    const note = input.note?.trim() ?? '';
    const catalogue = await this.catalogue.snapshot();
    return db.transaction().execute(async (trx) => {
      // First: a twin of this request holding the key makes this one wait here, then give way.
      await claim(trx, id);
      const visible = await workOrdersRepository.view(trx, visibilityOf(principal), id);
      if (!visible) throw notFound('workorder.not_found');
      const order = (await workOrdersRepository.findUnscoped(trx, id, dialect))!;
      if (input.version !== undefined && input.version !== order.version)
        throw conflict('workorder.conflict');
      if (!rule.from.includes(order.status)) {
        throw new DomainError('workorder.illegal_transition', 409, {
          status: order.status,
          action: input.action,
        });
      }
      if (!this.sideAllows(principal, order, rule.side, rule.permission)) {
        throw new DomainError('workorder.not_your_side', 403, { side: rule.side });
      }
      const needsNote =
        rule.noteRequired ||
        (input.action === 'review' && input.approve === false) ||
        (input.action === 'callback' && input.satisfaction === 'unsatisfied');
      if (needsNote && note === '') throw fieldError('note', 'workorder.note_required');
      const outcome = await this.outcome(trx, catalogue, principal, order, input, note);
      const nowIso = this.ctx.now().toISOString();
      if (outcome.bumpsVersion) {
        const changed = await workOrdersRepository.update(trx, order.id, order.version, {
          ...outcome.changes,
          status: outcome.to,
          updated_at: nowIso,
        });
        if (!changed) throw conflict('workorder.conflict');
      }
      const eventId = await WorkOrderStep.writeEventAuditAndCounters(this.ctx, trx, order, {
        action: input.action,
        from: order.status,
        to: outcome.to,
        actor: principal.actor,
        note,
        data: outcome.data,
      });
      if (input.attachmentIds?.length) {
        const attached = await attachmentsRepository.attachToEvent(
          trx,
          order.id,
          input.attachmentIds,
          eventId,
        );
        if (attached !== new Set(input.attachmentIds).size)
          throw fieldError('attachmentIds', 'workorder.attachment_not_found');
      }
      await outcome.after?.(trx, order, eventId);
      // With its category's name, as every other answer about an order carries it (the console's
      // summary lost the category after a dispatch).
      const updated = (await workOrdersRepository.findUnscoped(trx, order.id))!;
      return { ...updated, category_name: catalogue.categories.get(updated.category_code)?.name ?? '' };
    });
  }

  private async outcome(
    trx: Executor,
    catalogue: CatalogueSnapshot,
    principal: Principal,
    order: WorkOrder,
    input: ActionInput,
    note: string,
  ): Promise<Outcome> {
    const now = this.ctx.now();
    const nowIso = now.toISOString();
    // Every deadline of an order runs on the calendar of the order's own district.
    const calendar = catalogue.calendarOf(order.district_code);
    const category = catalogue.categories.get(order.category_code)!;
    const plain = (
      to: WorkOrderStatus,
      changes: Changes = {},
      data: Record<string, unknown> = {},
    ): Outcome => ({
      changes,
      to,
      data,
      bumpsVersion: true,
    });
    const closing = (): Changes => ({
      closed_at: nowIso,
      closed_on_time: nowIso <= order.due_at ? 1 : 0,
      callback_due_at: calendar.callbackDeadline(now).toISOString(),
    });

    // Withdrawn, or returned with approval: the order is the dispatcher's to dispatch again.
    const backToDispatcher: Changes = {
      handler_region_code: order.dispatcher_region_code ?? order.handler_region_code,
      dispatcher_region_code: null,
      assignee_user_id: null,
      assignee_member_id: null,
      sign_due_at: null,
      signed_at: null,
    };

    switch (input.action) {
      case 'accept':
        return plain('pending_dispatch');
      case 'answer':
        // The caller was promised the answer by text: it is in the message, not only "已办结".
        return {
          ...plain('closed', { resolution: note, ...closing() }),
          after: (t, o) => this.tellResident(t, { ...o, resolution: note }, 'order_answered'),
        };
      case 'dispatch':
        return dispatchStep(
          this.ctx,
          trx,
          catalogue,
          principal,
          order,
          input,
          calendar.addWorkingHours(now, category.sign_hours).toISOString(),
        );
      case 'withdraw':
        return plain('pending_dispatch', backToDispatcher);
      case 'sign':
        return plain('in_progress', { signed_at: nowIso });
      case 'return':
        return plain('return_requested', { return_from_status: order.status });
      case 'approve_return':
        return plain('pending_dispatch', { ...backToDispatcher, return_from_status: null });
      case 'reject_return':
        return plain(order.return_from_status ?? 'in_progress', { return_from_status: null });
      case 'extend': {
        if (order.pending_extension) throw conflict('workorder.extension_pending');
        if (!input.days) throw fieldError('days', 'field.required');
        const request = { days: input.days, reason: note, requestedBy: principal.userId, at: nowIso };
        return plain(order.status, { pending_extension: JSON.stringify(request) }, { days: input.days });
      }
      case 'approve_extension': {
        if (!order.pending_extension) throw conflict('workorder.no_extension_pending');
        const { days } = JSON.parse(order.pending_extension) as { days: number };
        const dueAt = calendar.resolveDeadline(new Date(Date.parse(order.due_at) - 1), days).toISOString();
        return plain(
          order.status,
          { pending_extension: null, due_at: dueAt, ...(dueAt > nowIso ? { overdue: 0 } : {}) },
          { days, from: order.due_at, to: dueAt },
        );
      }
      case 'reject_extension':
        if (!order.pending_extension) throw conflict('workorder.no_extension_pending');
        return plain(order.status, { pending_extension: null });
      case 'resolve':
        return {
          ...plain('pending_review', { resolution: note, resolved_at: nowIso }),
          after: async (t, o) => {
            await this.recordDeed(t, category.name, principal, o, note);
            await this.tellResident(t, { ...o, resolution: note }, 'order_resolved');
          },
        };
      case 'review':
        if (input.approve === undefined) throw fieldError('approve', 'field.required');
        return input.approve
          ? {
              ...plain('closed', closing(), { approve: true }),
              after: (t, o) => this.tellResident(t, o, 'order_closed'),
            }
          : plain('in_progress', { resolved_at: null }, { approve: false });
      case 'callback': {
        if (!input.satisfaction) throw fieldError('satisfaction', 'field.required');
        const step = callbackStep(order, input.satisfaction, now, calendar, category);
        if (step.to !== 'in_progress') return plain(step.to, step.changes, step.data);
        return {
          ...plain(step.to, step.changes, step.data),
          after: (t, o) => this.tellHandlers(t, catalogue, o, 'order_reopened', {}),
        };
      }
      case 'urge':
        return {
          ...plain(order.status, { urge_count: order.urge_count + 1 }),
          after: (t, o) => this.tellHandlers(t, catalogue, o, 'order_urged', { note }),
        };
      case 'supervise':
        if (order.supervised === 1) throw conflict('workorder.already_supervised');
        return plain(order.status, { supervised: 1 });
      case 'comment':
        return { changes: {}, to: order.status, data: {}, bumpsVersion: false };
    }
  }

  /** 好事实事: a member who resolves an order (or the member it was given to) is credited with a deed. */
  private async recordDeed(
    trx: Executor,
    categoryName: string,
    principal: Principal,
    order: WorkOrder,
    note: string,
  ): Promise<void> {
    const member = order.assignee_member_id
      ? await deedsRepository.memberUnscoped(trx, order.assignee_member_id)
      : await deedsRepository.memberOfUser(trx, principal.userId);
    if (!member) return;
    await writeDeedAndCounters(trx, {
      id: uuidv7(),
      district_code: order.district_code,
      region_code: member.region_code,
      member_id: member.id,
      work_order_id: order.id,
      title: `${categoryName} · ${order.number}`.slice(0, 100),
      description: note,
      done_on: beijingDate(this.ctx.now()),
      created_by: principal.userId,
      created_at: this.ctx.now().toISOString(),
    });
  }

  /** A text message to the resident who reported the order, when they left a number. */
  tellResident(trx: Executor, order: WorkOrder, template: TemplateCode): Promise<void> {
    return tellResident(this.ctx, trx, order, template);
  }

  /** In-app messages to whoever holds the order (also used by the SLA sweeper and the portal). */
  tellHandlers(
    trx: Executor,
    catalogue: CatalogueSnapshot,
    order: WorkOrder,
    template: TemplateCode,
    params: Record<string, string>,
  ): Promise<void> {
    return tellHandlers(this.ctx, trx, catalogue, order, template, params);
  }
}
