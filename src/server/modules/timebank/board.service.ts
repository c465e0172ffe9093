import { v7 as uuidv7 } from 'uuid';
import type { POST_CATEGORIES } from '../../../shared/api/timebank.js';
import type { AuditAction } from '../../../shared/audit-actions.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { accountsRepository, ownersRepository } from './accounts.repository.js';
import { boardRepository } from './board.repository.js';
import { postTransfer, systemAccount } from './ledger.js';
import type { PostStatus, TimebankAccount, TimebankPost } from './timebank.tables.js';

/** Residents the community fund may pay help for (register tags). */
export const FUND_ELIGIBLE_TAGS = ['独居老人', '低保户'] as const;

const PERSONAL_KINDS = new Set(['person', 'household']);

/** A check of who may take a step on a post, given the post as the step read it and the time. */
export type PostGuard = (post: TimebankPost, nowIso: string) => void;

/** An open post past its expiry shows as expired, whether or not anybody tried to take it since. */
export const shownStatus = (post: TimebankPost, nowIso: string): PostStatus =>
  post.status === 'open' && post.expires_at <= nowIso ? 'expired' : post.status;

/**
 * The offers and requests board: accepting holds the one helped's minutes (or the community
 * fund's) in the community's escrow account; confirming releases them to the helper; cancelling
 * refunds them. Every step is one transaction with its transfer and audit row.
 */
export class BoardService {
  constructor(private readonly ctx: ServiceContext) {}

  private async personalAccount(
    trx: Executor,
    scope: Scope,
    id: string,
    field: string,
  ): Promise<TimebankAccount> {
    const account = await accountsRepository.findInScope(trx, scope, id);
    // Outside scope or not a person/household: refused alike, naming the field (no oracle).
    if (!account || !PERSONAL_KINDS.has(account.owner_kind))
      throw fieldError(field, 'timebank.unknown_account');
    return account;
  }

  async create(
    scope: Scope,
    input: {
      kind: 'offer' | 'request';
      category: (typeof POST_CATEGORIES)[number];
      title: string;
      description?: string | undefined;
      minutes: number;
      accountId: string;
      expiresAt: string;
    },
    actor: AuditActor,
  ): Promise<TimebankPost> {
    const now = this.ctx.now();
    const expiresAt = new Date(input.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) throw fieldError('expiresAt', 'timebank.expiry_past');
    const at = now.toISOString();
    const { db } = this.ctx.database;
    const id = await db.transaction().execute(async (trx) => {
      const poster = await this.personalAccount(trx, scope, input.accountId, 'accountId');
      const postId = uuidv7();
      await boardRepository.insert(trx, {
        id: postId,
        district_code: districtOf(poster.region_code),
        region_code: poster.region_code,
        kind: input.kind,
        category: input.category,
        title: input.title,
        description: input.description ?? '',
        minutes: input.minutes,
        poster_account_id: poster.id,
        helper_account_id: null,
        payer_account_id: null,
        status: 'open',
        expires_at: expiresAt.toISOString(),
        escrow_transfer_id: null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      });
      await this.audit(trx, actor, 'timebank.post_created', poster.region_code, postId, {
        kind: input.kind,
        minutes: input.minutes,
      });
      return postId;
    });
    return (await boardRepository.findUnscoped(db, id))!;
  }

  async list(
    scope: Scope,
    query: { status?: PostStatus | undefined; cursor?: string | undefined; limit: number },
  ): Promise<{ items: TimebankPost[]; nextCursor: string | null }> {
    return pageById(query, (after) => boardRepository.list(this.ctx.database.db, scope, { ...query, after }));
  }

  /** The other side takes the post up; the payer's minutes go into escrow. */
  async accept(
    scope: Scope,
    id: string,
    input: { accountId: string; payFromFund?: boolean | undefined },
    actor: AuditActor,
  ): Promise<TimebankPost> {
    const { db, dialect } = this.ctx.database;
    const at = this.ctx.now().toISOString();
    const outcome = await db.transaction().execute(async (trx) => {
      const post = await boardRepository.findInScope(trx, scope, id, dialect);
      if (!post) throw notFound('timebank.post_not_found');
      const other = await this.personalAccount(trx, scope, input.accountId, 'accountId');
      if (other.id === post.poster_account_id) throw fieldError('accountId', 'timebank.own_post');
      if (post.status === 'open' && post.expires_at <= at) {
        await boardRepository.transition(trx, post.id, 'open', { status: 'expired', at });
        return 'expired' as const;
      }
      if (post.status !== 'open') throw conflict('timebank.post_not_open', { status: post.status });
      const helperId = post.kind === 'request' ? other.id : post.poster_account_id;
      const helped =
        post.kind === 'request'
          ? (await accountsRepository.findUnscoped(trx, post.poster_account_id))!
          : other;
      const payer = input.payFromFund ? await this.fundFor(trx, helped, at) : helped;
      const escrow = await systemAccount(trx, 'escrow', post.region_code, at);
      const transferId = await postTransfer(trx, {
        from: payer,
        to: escrow,
        minutes: Number(post.minutes),
        kind: 'escrow',
        memo: post.title,
        ref: `post:${post.id}:escrow`,
        createdBy: actor.id,
        at,
      });
      const moved = await boardRepository.transition(trx, post.id, 'open', {
        status: 'accepted',
        at,
        helper_account_id: helperId,
        payer_account_id: payer.id,
        escrow_transfer_id: transferId,
      });
      if (!moved) throw conflict('timebank.post_not_open', { status: post.status });
      await this.audit(trx, actor, 'timebank.post_accepted', post.region_code, post.id, {
        helper: helperId,
        payer: payer.id,
        minutes: post.minutes,
      });
      return 'done' as const;
    });
    if (outcome === 'expired') throw conflict('timebank.post_expired');
    return (await boardRepository.findUnscoped(db, id))!;
  }

  /** The community fund pays only for help to a person the register tags 独居老人 or 低保户. */
  private async fundFor(trx: Executor, helped: TimebankAccount, at: string): Promise<TimebankAccount> {
    const eligible =
      helped.owner_kind === 'person' &&
      helped.owner_id !== null &&
      (await ownersRepository.hasTag(trx, helped.owner_id, FUND_ELIGIBLE_TAGS));
    if (!eligible) throw fieldError('payFromFund', 'timebank.fund_not_eligible');
    return systemAccount(trx, 'fund', helped.region_code, at);
  }

  /**
   * The help was given: escrow releases the minutes to the helper. `allowed` (a resident's own
   * rules) sees the post as locked in the step's transaction and throws to refuse.
   */
  confirm(scope: Scope, id: string, actor: AuditActor, allowed?: PostGuard): Promise<TimebankPost> {
    return this.settle(scope, id, actor, 'confirmed', allowed);
  }

  /** Called off: an open post just closes; an accepted one refunds the payer from escrow. */
  cancel(scope: Scope, id: string, actor: AuditActor, allowed?: PostGuard): Promise<TimebankPost> {
    return this.settle(scope, id, actor, 'cancelled', allowed);
  }

  private async settle(
    scope: Scope,
    id: string,
    actor: AuditActor,
    to: 'confirmed' | 'cancelled',
    allowed?: PostGuard,
  ): Promise<TimebankPost> {
    const { db, dialect } = this.ctx.database;
    const at = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const post = await boardRepository.findInScope(trx, scope, id, dialect);
      if (!post) throw notFound('timebank.post_not_found');
      allowed?.(post, at);
      const from = post.status;
      const legal = to === 'cancelled' ? from === 'open' || from === 'accepted' : from === 'accepted';
      if (!legal) throw conflict('timebank.post_not_accepted', { status: shownStatus(post, at) });
      if (!(await boardRepository.transition(trx, post.id, from, { status: to, at })))
        throw conflict('timebank.post_not_accepted', { status: post.status });
      if (from === 'accepted') {
        const escrow = await systemAccount(trx, 'escrow', post.region_code, at);
        const payee = to === 'confirmed' ? post.helper_account_id : post.payer_account_id;
        await postTransfer(trx, {
          from: escrow,
          to: (await accountsRepository.findUnscoped(trx, payee!))!,
          minutes: Number(post.minutes),
          kind: to === 'confirmed' ? 'release' : 'refund',
          memo: post.title,
          ref: `post:${post.id}:${to}`,
          createdBy: actor.id,
          at,
        });
      }
      await this.audit(
        trx,
        actor,
        to === 'confirmed' ? 'timebank.post_confirmed' : 'timebank.post_cancelled',
        post.region_code,
        post.id,
        { from, minutes: post.minutes },
      );
    });
    return (await boardRepository.findUnscoped(db, id))!;
  }

  private audit(
    trx: Executor,
    actor: AuditActor,
    action: AuditAction,
    regionCode: string,
    postId: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'timebank_post',
      targetId: postId,
      regionCode,
      summary,
    });
  }
}
