import { v7 as uuidv7 } from 'uuid';
import type { TransferAction } from '../../../shared/api/member-workflows.js';
import type { AuditAction } from '../../../shared/audit-actions.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { Executor } from '../../db/database.js';
import type { Transfer, TransferStatus } from '../../db/tables.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { workflowLookups } from './member-workflows.repository.js';
import { type TransferEvent, type TransferView, transfersRepository } from './transfers.repository.js';

export type TransferSide = 'sending' | 'receiving' | 'both';

/** Organizations that hold members' relationships; warm groups and volunteer teams do not. */
const NOT_RECEIVING_KINDS = new Set(['warm_group', 'volunteer_team']);

/** Each action: who may take it, from which status, to which status, and its audit action. */
const TRANSITIONS: Record<
  TransferAction,
  {
    side: 'sending' | 'receiving' | 'either';
    from: readonly TransferStatus[];
    to: TransferStatus;
    audit: AuditAction;
  }
> = {
  approve_sending: {
    side: 'sending',
    from: ['requested'],
    to: 'sender_approved',
    audit: 'transfer.sender_approved',
  },
  approve_receiving: {
    side: 'receiving',
    from: ['sender_approved'],
    to: 'letter_issued',
    audit: 'transfer.letter_issued',
  },
  reject: {
    side: 'either',
    from: ['requested', 'sender_approved', 'letter_issued'],
    to: 'rejected',
    audit: 'transfer.rejected',
  },
  receipt: { side: 'receiving', from: ['letter_issued'], to: 'completed', audit: 'transfer.completed' },
};

const DAY_MS = 86_400_000;

const isLapsed = (transfer: Transfer, nowIso: string) =>
  transfer.status === 'letter_issued' &&
  transfer.letter_expires_at !== null &&
  transfer.letter_expires_at < nowIso;

/** Marks one lapsed letter expired, with its event and audit row, inside the caller's transaction. */
async function expireOne(
  ctx: ServiceContext,
  trx: Executor,
  transfer: Transfer,
  actor: AuditActor,
  nowIso: string,
): Promise<boolean> {
  if ((await transfersRepository.transition(trx, transfer.id, 'letter_issued', 'expired', nowIso)) === 0) {
    return false;
  }
  await transfersRepository.insertEvent(trx, {
    id: uuidv7(),
    district_code: transfer.district_code,
    transfer_id: transfer.id,
    action: 'expired',
    actor_id: actor.id,
    note: '',
    at: nowIso,
  });
  await ctx.audit.append(trx, actor, {
    action: 'transfer.expired',
    targetType: 'transfer',
    targetId: transfer.id,
    regionCode: transfer.region_code,
    summary: { memberId: transfer.member_id, letterExpiresAt: transfer.letter_expires_at },
  });
  return true;
}

/**
 * A letter that expires unused reverts the transfer: every letter_issued transfer past its
 * letter_expires_at becomes expired (the member never left the sender). Optionally only those with
 * a side inside a scope. Returns the ids it expired. Safe to run at any time, repeatedly.
 */
export async function expireTransfers(
  ctx: ServiceContext,
  now: Date,
  options: { scope?: Scope; actor?: AuditActor } = {},
): Promise<string[]> {
  const nowIso = now.toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    const expired: string[] = [];
    for (const transfer of await transfersRepository.lapsedLetters(trx, nowIso, options.scope)) {
      if (await expireOne(ctx, trx, transfer, options.actor ?? SYSTEM_ACTOR, nowIso))
        expired.push(transfer.id);
    }
    return expired;
  });
}

/**
 * 组织关系转接: the sending organization requests and approves, the receiving one approves and
 * issues the letter, and the member's relationship moves only on receipt. Until then the member
 * stays with the sender: never in two organizations, never in none. At most one open transfer
 * per member.
 */
export class TransfersService {
  constructor(private readonly ctx: ServiceContext) {}

  private sideOf(scope: Scope, transfer: Transfer): TransferSide | undefined {
    const sending = scope.includes(transfer.region_code);
    const receiving = scope.includes(transfer.to_region_code);
    if (sending && receiving) return 'both';
    if (sending) return 'sending';
    if (receiving) return 'receiving';
    return undefined;
  }

  async request(
    scope: Scope,
    input: {
      memberId: string;
      toOrganizationId: string;
      duesPaidUntil: string;
      letterValidDays: number;
      note?: string | undefined;
    },
    actor: AuditActor,
  ): Promise<TransferView> {
    const { db, dialect } = this.ctx.database;
    const now = this.ctx.now();
    const month = beijingMonth(now);
    if (input.duesPaidUntil > month) throw fieldError('duesPaidUntil', 'transfer.dues_in_future', { month });
    const id = await db.transaction().execute(async (trx) => {
      const member = await workflowLookups.memberInScope(trx, scope, input.memberId);
      if (!member) throw notFound('transfer.member_not_found');
      await workflowLookups.lockMember(trx, dialect, member.id);
      const target = await workflowLookups.organizationUnscoped(trx, input.toOrganizationId);
      if (target?.status !== 'active') throw fieldError('toOrganizationId', 'transfer.unknown_organization');
      if (NOT_RECEIVING_KINDS.has(target.kind)) {
        throw fieldError('toOrganizationId', 'transfer.organization_not_eligible', { name: target.name });
      }
      if (target.id === member.organization_id)
        throw fieldError('toOrganizationId', 'transfer.same_organization');
      const nowIso = now.toISOString();
      for (const open of await transfersRepository.openOf(trx, member.id)) {
        // A lapsed letter nobody has expired yet does not block a new transfer: it expires now.
        if (isLapsed(open, nowIso) && (await expireOne(this.ctx, trx, open, actor, nowIso))) continue;
        throw conflict('transfer.already_open');
      }
      const transferId = uuidv7();
      const districtCode = districtOf(member.region_code);
      await transfersRepository.insert(trx, {
        id: transferId,
        district_code: districtCode,
        region_code: member.region_code,
        to_region_code: target.region_code,
        member_id: member.id,
        from_organization_id: member.organization_id,
        to_organization_id: target.id,
        dues_paid_until: input.duesPaidUntil,
        letter_valid_days: input.letterValidDays,
        status: 'requested',
        letter_expires_at: null,
        created_at: nowIso,
        updated_at: nowIso,
      });
      await transfersRepository.insertEvent(trx, {
        id: uuidv7(),
        district_code: districtCode,
        transfer_id: transferId,
        action: 'requested',
        actor_id: actor.id,
        note: input.note ?? '',
        at: nowIso,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'transfer.requested',
        targetType: 'transfer',
        targetId: transferId,
        regionCode: member.region_code,
        summary: {
          memberId: member.id,
          fromOrganizationId: member.organization_id,
          toOrganizationId: target.id,
          duesPaidUntil: input.duesPaidUntil,
          letterValidDays: input.letterValidDays,
        },
      });
      return transferId;
    });
    return (await transfersRepository.viewUnscoped(db, id))!;
  }

  async act(
    scope: Scope,
    id: string,
    input: { action: TransferAction; note?: string | undefined },
    actor: AuditActor,
  ): Promise<TransferView> {
    const { db, dialect } = this.ctx.database;
    const rule = TRANSITIONS[input.action];
    const outcome = await db.transaction().execute(async (trx) => {
      const transfer = await transfersRepository.findInScope(trx, scope, id, dialect);
      const side = transfer && this.sideOf(scope, transfer);
      if (!transfer || !side) throw notFound('transfer.not_found');
      if (rule.side === 'sending' && side === 'receiving') {
        throw new DomainError('transfer.sending_side_only', 403);
      }
      if (rule.side === 'receiving' && side === 'sending') {
        throw new DomainError('transfer.receiving_side_only', 403);
      }
      const now = this.ctx.now();
      const nowIso = now.toISOString();
      // An unused letter past its date has lapsed, whether or not the expiry job has run yet.
      if (isLapsed(transfer, nowIso)) {
        await expireOne(this.ctx, trx, transfer, actor, nowIso);
        return 'lapsed' as const;
      }
      if (!rule.from.includes(transfer.status)) {
        throw conflict('transfer.invalid_transition', { status: transfer.status, action: input.action });
      }
      const letterExpiresAt =
        input.action === 'approve_receiving'
          ? new Date(now.getTime() + transfer.letter_valid_days * DAY_MS).toISOString()
          : undefined;
      if (input.action === 'receipt') await this.receive(trx, transfer, nowIso);
      const moved = await transfersRepository.transition(
        trx,
        transfer.id,
        transfer.status,
        rule.to,
        nowIso,
        letterExpiresAt,
      );
      if (moved === 0) {
        throw conflict('transfer.invalid_transition', { status: transfer.status, action: input.action });
      }
      await transfersRepository.insertEvent(trx, {
        id: uuidv7(),
        district_code: transfer.district_code,
        transfer_id: transfer.id,
        action: input.action,
        actor_id: actor.id,
        note: input.note ?? '',
        at: nowIso,
      });
      // The row goes to the region of the side that acted (a reject by both sides: the sender's).
      const actingSide = rule.side === 'either' ? side : rule.side;
      await this.ctx.audit.append(trx, actor, {
        action: rule.audit,
        targetType: 'transfer',
        targetId: transfer.id,
        regionCode: actingSide === 'receiving' ? transfer.to_region_code : transfer.region_code,
        summary: {
          memberId: transfer.member_id,
          from: transfer.status,
          to: rule.to,
          note: input.note ?? '',
          ...(letterExpiresAt ? { letterExpiresAt } : {}),
        },
      });
      return 'done' as const;
    });
    if (outcome === 'lapsed') {
      if (input.action === 'receipt') throw conflict('transfer.letter_expired');
      throw conflict('transfer.invalid_transition', { status: 'expired', action: input.action });
    }
    return (await transfersRepository.viewUnscoped(db, id))!;
  }

  /** Receipt: the relationship moves to the receiving organization, and the history follows. */
  private async receive(trx: Executor, transfer: Transfer, nowIso: string): Promise<void> {
    const { dialect } = this.ctx.database;
    const member = await workflowLookups.lockMember(trx, dialect, transfer.member_id);
    const target = await workflowLookups.organizationUnscoped(trx, transfer.to_organization_id);
    if (target?.status !== 'active') throw conflict('transfer.unknown_organization');
    if (!member || member.organization_id !== transfer.from_organization_id) {
      throw conflict('transfer.member_moved');
    }
    const moved = await transfersRepository.moveMember(
      trx,
      member.id,
      transfer.from_organization_id,
      { organizationId: target.id, regionCode: target.region_code },
      nowIso,
    );
    if (moved === 0) throw conflict('transfer.member_moved');
    await transfersRepository.recordHistory(trx, {
      id: uuidv7(),
      districtCode: member.district_code,
      memberId: member.id,
      organizationId: target.id,
      at: nowIso,
    });
  }

  async get(
    scope: Scope,
    id: string,
  ): Promise<{ transfer: TransferView; side: TransferSide; events: TransferEvent[] }> {
    const { db } = this.ctx.database;
    const transfer = await transfersRepository.viewInScope(db, scope, id);
    const side = transfer && this.sideOf(scope, transfer);
    if (!transfer || !side) throw notFound('transfer.not_found');
    return { transfer, side, events: await transfersRepository.events(db, id) };
  }

  list(
    scope: Scope,
    filter: {
      direction?: 'outgoing' | 'incoming' | undefined;
      status?: TransferStatus | undefined;
      limit: number;
    },
  ): Promise<TransferView[]> {
    return transfersRepository.list(this.ctx.database.db, scope, filter);
  }
}
