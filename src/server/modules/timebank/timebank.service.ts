import { v7 as uuidv7 } from 'uuid';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { accountsRepository, ownersRepository } from './accounts.repository.js';
import { type ConfigurableKind, type Limits, limitsOf, postTransfer, systemAccount } from './ledger.js';
import type { OwnerKind, TimebankAccount } from './timebank.tables.js';

export type AccountView = TimebankAccount & { floor_minutes: number; ceiling_minutes: number };

const SYSTEM_KINDS: readonly OwnerKind[] = ['escrow', 'issuance'];
const LEDGER_ROWS_SHOWN = 50;

/** Adds the bounds in force to accounts, reading each district's limits once. */
export async function withLimits(db: Executor, accounts: readonly TimebankAccount[]): Promise<AccountView[]> {
  const byDistrict = new Map<string, Record<OwnerKind, Limits>>();
  const views: AccountView[] = [];
  for (const account of accounts) {
    let limits = byDistrict.get(account.district_code);
    if (!limits) {
      limits = await limitsOf(db, account.district_code);
      byDistrict.set(account.district_code, limits);
    }
    const own = limits[account.owner_kind];
    views.push({ ...account, floor_minutes: own.floorMinutes, ceiling_minutes: own.ceilingMinutes });
  }
  return views;
}

/**
 * Opens an owner's account (once; a second call returns the first) with the starter grant of its
 * kind from the district's issuance, inside the caller's transaction. For other modules too:
 * the volunteering module opens its teams' and volunteers' accounts through here.
 */
export async function openAccountIn(
  trx: Executor,
  owner: { kind: 'person' | 'household' | 'organization'; id: string; name: string; regionCode: string },
  at: string,
): Promise<{ account: TimebankAccount; created: boolean }> {
  const key = `${owner.kind}:${owner.id}`;
  const existing = await accountsRepository.byOwnerKey(trx, key);
  if (existing) return { account: existing, created: false };
  const districtCode = districtOf(owner.regionCode);
  const created = await accountsRepository.insertIfAbsent(trx, {
    id: uuidv7(),
    district_code: districtCode,
    region_code: owner.regionCode,
    owner_kind: owner.kind,
    owner_id: owner.id,
    owner_key: key,
    owner_name: owner.name,
    balance_minutes: 0,
    created_at: at,
  });
  const account = (await accountsRepository.byOwnerKey(trx, key))!;
  const grant = (await limitsOf(trx, districtCode))[owner.kind].starterGrantMinutes;
  if (created && grant > 0) {
    const issuance = await systemAccount(trx, 'issuance', owner.regionCode, at);
    await postTransfer(trx, {
      from: issuance,
      to: account,
      minutes: grant,
      kind: 'grant',
      memo: '入行赠送',
      ref: `grant:${account.id}`,
      createdBy: null,
      at,
    });
    return { account: (await accountsRepository.findUnscoped(trx, account.id))!, created };
  }
  return { account, created };
}

/** Accounts, transfers, corrections, donations and the limits of the time bank. */
export class TimebankService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(
    scope: Scope,
    query: { q?: string | undefined; cursor?: string | undefined; limit: number },
  ): Promise<{ items: AccountView[]; nextCursor: string | null }> {
    const { db } = this.ctx.database;
    const paged = await pageById(query, (after, limit) =>
      accountsRepository.list(db, scope, { q: query.q, after, limit }),
    );
    return { items: await withLimits(db, paged.items), nextCursor: paged.nextCursor };
  }

  async get(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const account = await accountsRepository.findInScope(db, scope, id);
    if (!account) throw notFound('timebank.account_not_found');
    const [view] = await withLimits(db, [account]);
    return { account: view!, ledger: await accountsRepository.latestLedger(db, id, LEDGER_ROWS_SHOWN) };
  }

  async open(
    scope: Scope,
    input: { ownerKind: 'person' | 'household' | 'organization'; ownerId: string },
    actor: AuditActor,
  ): Promise<{ account: AccountView; created: boolean }> {
    const { db } = this.ctx.database;
    const at = this.ctx.now().toISOString();
    const result = await db.transaction().execute(async (trx) => {
      const owner = await this.ownerOf(trx, input.ownerKind, input.ownerId);
      // An owner outside the scope answers as one that does not exist (no oracle).
      if (!owner || !scope.includes(owner.regionCode)) throw fieldError('ownerId', 'timebank.unknown_owner');
      const opened = await openAccountIn(trx, { kind: input.ownerKind, ...owner }, at);
      if (opened.created) {
        await this.ctx.audit.append(trx, actor, {
          action: 'timebank.account_opened',
          targetType: 'timebank_account',
          targetId: opened.account.id,
          regionCode: opened.account.region_code,
          summary: {
            ownerKind: input.ownerKind,
            ownerId: input.ownerId,
            balance: opened.account.balance_minutes,
          },
        });
      }
      return opened;
    });
    const [view] = await withLimits(db, [result.account]);
    return { account: view!, created: result.created };
  }

  private async ownerOf(
    trx: Executor,
    kind: 'person' | 'household' | 'organization',
    id: string,
  ): Promise<{ id: string; name: string; regionCode: string } | undefined> {
    if (kind === 'person') {
      const person = await ownersRepository.person(trx, id);
      return person?.status === 'active'
        ? { id, name: person.name, regionCode: person.region_code }
        : undefined;
    }
    if (kind === 'household') {
      const household = await ownersRepository.household(trx, id);
      if (!household) return undefined;
      const name = household.head_name ? `${household.head_name}户` : household.address || '住户';
      return { id, name, regionCode: household.region_code };
    }
    const organization = await ownersRepository.organization(trx, id);
    return organization?.status === 'active'
      ? { id, name: organization.name, regionCode: organization.region_code }
      : undefined;
  }

  /** An account in scope that staff may move minutes from or to (not an escrow or issuance). */
  private async usable(trx: Executor, scope: Scope, id: string, field: string): Promise<TimebankAccount> {
    const account = await accountsRepository.findInScope(trx, scope, id);
    if (!account) throw notFound('timebank.account_not_found');
    if (SYSTEM_KINDS.includes(account.owner_kind)) throw fieldError(field, 'timebank.system_account');
    return account;
  }

  /** A plain transfer between two accounts in scope (the contract's POST /api/timebank/transfers). */
  async transfer(
    scope: Scope,
    input: { from: string; to: string; minutes: number; memo?: string | undefined },
    actor: AuditActor,
    kind: 'transfer' | 'donation' = 'transfer',
  ): Promise<string> {
    if (input.from === input.to) throw fieldError('to', 'timebank.same_account');
    const at = this.ctx.now().toISOString();
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const from = await this.usable(trx, scope, input.from, 'from');
      const to = await this.usable(trx, scope, input.to, 'to');
      const id = await postTransfer(trx, {
        from,
        to,
        minutes: input.minutes,
        kind,
        memo: input.memo,
        createdBy: actor.id,
        at,
      });
      await this.ctx.audit.append(trx, actor, {
        action: kind === 'donation' ? 'timebank.donated' : 'timebank.transferred',
        targetType: 'timebank_transfer',
        targetId: id,
        regionCode: from.region_code,
        summary: { from: from.id, to: to.id, minutes: input.minutes, memo: input.memo ?? '' },
      });
      return id;
    });
  }

  /** 爱心传递: minutes given to a person's account, or (no `to`) to the giver's community fund. */
  async donate(
    scope: Scope,
    input: { from: string; to?: string | undefined; minutes: number; memo?: string | undefined },
    actor: AuditActor,
  ): Promise<string> {
    if (input.to) return this.transfer(scope, { ...input, to: input.to }, actor, 'donation');
    const at = this.ctx.now().toISOString();
    const giver = await accountsRepository.findInScope(this.ctx.database.db, scope, input.from);
    if (!giver) throw notFound('timebank.account_not_found');
    const fund = await this.ctx.database.db
      .transaction()
      .execute((trx) => systemAccount(trx, 'fund', giver.region_code, at));
    return this.transfer(scope, { ...input, to: fund.id }, actor, 'donation');
  }

  /** A correction: the same minutes back the other way, linked to the transfer it reverses. */
  async reverse(
    scope: Scope,
    transferId: string,
    memo: string | undefined,
    actor: AuditActor,
  ): Promise<string> {
    const at = this.ctx.now().toISOString();
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const original = await accountsRepository.transferUnscoped(trx, transferId);
      // Both sides must be in scope: a transfer one cannot see whole does not exist for one.
      const from = original && (await accountsRepository.findInScope(trx, scope, original.to_account_id));
      const to = original && (await accountsRepository.findInScope(trx, scope, original.from_account_id));
      if (!original || !from || !to) throw notFound('timebank.transfer_not_found');
      if (original.reverses_id) throw conflict('timebank.not_reversible');
      if (await accountsRepository.reversalOf(trx, original.id)) throw conflict('timebank.already_reversed');
      const id = await postTransfer(trx, {
        from,
        to,
        minutes: Number(original.minutes),
        kind: 'reversal',
        memo: memo ?? '',
        reversesId: original.id,
        createdBy: actor.id,
        at,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'timebank.reversed',
        targetType: 'timebank_transfer',
        targetId: id,
        regionCode: to.region_code,
        summary: { reverses: original.id, minutes: original.minutes, memo: memo ?? '' },
      });
      return id;
    });
  }

  async limits(scope: Scope, regionCode: string) {
    scope.filteredTo(regionCode);
    const districtCode = districtOf(regionCode);
    const { db } = this.ctx.database;
    const current = await limitsOf(db, districtCode);
    return { districtCode, current, changes: await accountsRepository.limitChanges(db, districtCode) };
  }

  /** A district's limits for one kind; only an administrator over the whole district (403 otherwise). */
  async setLimits(
    scope: Scope,
    districtCode: string,
    input: {
      ownerKind: ConfigurableKind;
      floorMinutes: number;
      ceilingMinutes: number;
      starterGrantMinutes: number;
    },
    actor: AuditActor,
  ): Promise<void> {
    if (!scope.coversSubtree(districtCode)) throw new DomainError('timebank.district_wide', 403);
    const at = this.ctx.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const before = (await limitsOf(trx, districtCode))[input.ownerKind];
      await accountsRepository.insertLimitChange(trx, {
        id: uuidv7(),
        district_code: districtCode,
        owner_kind: input.ownerKind,
        floor_minutes: input.floorMinutes,
        ceiling_minutes: input.ceilingMinutes,
        starter_grant_minutes: input.starterGrantMinutes,
        changed_by: actor.id,
        changed_at: at,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'timebank.limits_changed',
        targetType: 'timebank_limits',
        targetId: `${districtCode}:${input.ownerKind}`,
        regionCode: districtCode,
        summary: { before, after: input },
      });
    });
  }
}
