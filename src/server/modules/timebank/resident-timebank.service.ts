import type { PortalPost, PortalPostBody } from '../../../shared/api/portal.js';
import { postSchema } from '../../../shared/api/timebank.js';
import { regionAt } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { DomainError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { accountsRepository, type LedgerLine, ownersRepository } from './accounts.repository.js';
import { boardRepository } from './board.repository.js';
import { BoardService, type PostGuard, shownStatus } from './board.service.js';
import { marketRepository } from './market.repository.js';
import { MarketService } from './market.service.js';
import { OWN_LEDGER_ROWS } from './my-timebank.service.js';
import { type Statement, StatementsService } from './statements.service.js';
import { maskName } from './timebank.present.js';
import { type AccountView, openAccountIn, withLimits } from './timebank.service.js';
import type { TimebankAccount, TimebankPost } from './timebank.tables.js';

/** Who the signed-in resident is to the time bank: the register person their phone is linked to. */
export interface ResidentRef {
  personId: string | null;
}

/** The resident's own account and the community whose board and supermarket they use. */
interface Own {
  account: TimebankAccount;
  community: Scope;
}

/**
 * The time bank as a resident of the portal uses it. A resident only ever sees their own account
 * (found through the register person their phone is linked to; no route takes an account id) and
 * the board and supermarket of their account's community: posts open to take there and the posts
 * they are a party to. They post and take posts up with their own account, confirm help given to
 * them, withdraw their own open posts or back out of help they took on, and order from the
 * supermarket. Paying from the community fund is left to staff.
 */
export class ResidentTimebankService {
  private readonly board: BoardService;
  private readonly market: MarketService;

  constructor(private readonly ctx: ServiceContext) {
    this.board = new BoardService(ctx);
    this.market = new MarketService(ctx);
  }

  /** The register person the resident is linked to, while the register holds them as active. */
  private async person(db: Executor, resident: ResidentRef) {
    if (!resident.personId) return undefined;
    const person = await ownersRepository.person(db, resident.personId);
    return person?.status === 'active' ? person : undefined;
  }

  private async accountOf(db: Executor, resident: ResidentRef): Promise<TimebankAccount | undefined> {
    const person = await this.person(db, resident);
    return person && accountsRepository.byOwnerKey(db, `person:${person.id}`);
  }

  /** The resident's account, or 404 timebank.no_own_account before they have one. */
  private async own(resident: ResidentRef): Promise<Own> {
    const account = await this.accountOf(this.ctx.database.db, resident);
    if (!account) throw notFound('timebank.no_own_account');
    return {
      account,
      community: new Scope([regionAt(account.region_code, 'community')], this.ctx.database.dialect),
    };
  }

  async summary(
    resident: ResidentRef,
  ): Promise<{ linked: boolean; account: AccountView | null; ledger: LedgerLine[] }> {
    const { db } = this.ctx.database;
    const linked = (await this.person(db, resident)) !== undefined;
    const account = linked ? await this.accountOf(db, resident) : undefined;
    if (!account) return { linked, account: null, ledger: [] };
    const [view] = await withLimits(db, [account]);
    return {
      linked,
      account: view!,
      ledger: await accountsRepository.latestLedger(db, account.id, OWN_LEDGER_ROWS),
    };
  }

  /** Joins the time bank: opens the linked person's account (once) with the starter grant. */
  async open(resident: ResidentRef, actor: AuditActor): Promise<{ account: AccountView; created: boolean }> {
    const { db } = this.ctx.database;
    const at = this.ctx.now().toISOString();
    const opened = await db.transaction().execute(async (trx) => {
      const person = await this.person(trx, resident);
      if (!person) throw new DomainError('timebank.not_linked', 409);
      const result = await openAccountIn(
        trx,
        { kind: 'person', id: person.id, name: person.name, regionCode: person.region_code },
        at,
      );
      if (result.created)
        await this.ctx.audit.append(trx, actor, {
          action: 'timebank.account_opened',
          targetType: 'timebank_account',
          targetId: result.account.id,
          regionCode: result.account.region_code,
          summary: { ownerKind: 'person', ownerId: person.id, by: 'resident' },
        });
      return result;
    });
    const [view] = await withLimits(db, [opened.account]);
    return { account: view!, created: opened.created };
  }

  async statement(resident: ResidentRef, month: string): Promise<Statement> {
    return new StatementsService(this.ctx).own(await this.accountOf(this.ctx.database.db, resident), month);
  }

  async posts(
    resident: ResidentRef,
    query: { cursor?: string | undefined; limit: number },
  ): Promise<{ items: PortalPost[]; nextCursor: string | null }> {
    const { account, community } = await this.own(resident);
    const nowIso = this.ctx.now().toISOString();
    const paged = await pageById(query, (after, limit) =>
      boardRepository.forResident(this.ctx.database.db, community, {
        accountId: account.id,
        nowIso,
        after,
        limit,
      }),
    );
    return {
      items: paged.items.map((row) => toPortalPost(row, row.poster_name, account.id, nowIso)),
      nextCursor: paged.nextCursor,
    };
  }

  async createPost(resident: ResidentRef, input: PortalPostBody, actor: AuditActor): Promise<PortalPost> {
    const { account, community } = await this.own(resident);
    const post = await this.board.create(community, { ...input, accountId: account.id }, actor);
    return toPortalPost(post, account.owner_name, account.id, this.ctx.now().toISOString());
  }

  /** Takes an open post of the community up with the resident's own account (they help, or are helped and pay). */
  async accept(resident: ResidentRef, id: string, actor: AuditActor): Promise<PortalPost> {
    const { account, community } = await this.own(resident);
    return this.present(await this.board.accept(community, id, { accountId: account.id }, actor), account);
  }

  async confirm(resident: ResidentRef, id: string, actor: AuditActor): Promise<PortalPost> {
    const { account, community } = await this.own(resident);
    const allowed: PostGuard = (post) => {
      seenBy(post, account.id);
      if (helpedOf(post) !== account.id) throw new DomainError('timebank.confirm_by_helped', 403);
    };
    return this.present(await this.board.confirm(community, id, actor, allowed), account);
  }

  async cancel(resident: ResidentRef, id: string, actor: AuditActor): Promise<PortalPost> {
    const { account, community } = await this.own(resident);
    const allowed: PostGuard = (post) => {
      seenBy(post, account.id);
      const mayCancel =
        (post.status === 'open' && post.poster_account_id === account.id) ||
        (post.status === 'accepted' && post.helper_account_id === account.id);
      if (!mayCancel) throw new DomainError('timebank.cancel_not_yours', 403);
    };
    return this.present(await this.board.cancel(community, id, actor, allowed), account);
  }

  private async present(post: TimebankPost, own: TimebankAccount): Promise<PortalPost> {
    const poster =
      post.poster_account_id === own.id
        ? own
        : await accountsRepository.findUnscoped(this.ctx.database.db, post.poster_account_id);
    return toPortalPost(post, poster?.owner_name ?? '', own.id, this.ctx.now().toISOString());
  }

  async items(resident: ResidentRef, query: { cursor?: string | undefined; limit: number }) {
    const { community } = await this.own(resident);
    return this.market.items(community, query);
  }

  /** Orders an item of the community's supermarket, paid from the resident's own account. */
  async order(resident: ResidentRef, itemId: string, quantity: number, actor: AuditActor) {
    const { account, community } = await this.own(resident);
    return this.market.order(community, itemId, { accountId: account.id, quantity }, actor);
  }

  async orders(resident: ResidentRef, query: { cursor?: string | undefined; limit: number }) {
    const { account } = await this.own(resident);
    const paged = await pageById(query, (after, limit) =>
      marketRepository.ordersOfAccount(this.ctx.database.db, account.id, { after, limit }),
    );
    const nowIso = this.ctx.now().toISOString();
    return {
      items: paged.items.map((row) => ({
        id: row.id,
        itemName: row.item_name,
        quantity: Number(row.quantity),
        minutes: Number(row.minutes),
        status: row.status === 'pending' && row.expires_at <= nowIso ? ('expired' as const) : row.status,
        expiresAt: row.expires_at,
        createdAt: row.created_at,
      })),
      nextCursor: paged.nextCursor,
    };
  }
}

/** The one helped by a post once taken: a request's poster; an offer's payer (the one who took it). */
const helpedOf = (post: TimebankPost): string | null =>
  post.kind === 'request' ? post.poster_account_id : post.payer_account_id;

const partyTo = (post: TimebankPost, accountId: string) =>
  [post.poster_account_id, post.helper_account_id, post.payer_account_id].includes(accountId);

/** A post the resident is no party to, and which is not open to take, does not exist for them. */
function seenBy(post: TimebankPost, accountId: string): void {
  if (!partyTo(post, accountId)) throw notFound('timebank.post_not_found');
}

function toPortalPost(post: TimebankPost, posterName: string, own: string, nowIso: string): PortalPost {
  const status = shownStatus(post, nowIso);
  const postedByMe = post.poster_account_id === own;
  const taken = post.status !== 'open';
  const helper = post.kind === 'offer' ? post.poster_account_id : post.helper_account_id;
  const myRole =
    taken && helper === own
      ? ('helper' as const)
      : taken && helpedOf(post) === own
        ? ('helped' as const)
        : null;
  return {
    id: post.id,
    kind: post.kind,
    category: postSchema.shape.category.parse(post.category),
    title: post.title,
    description: post.description,
    minutes: Number(post.minutes),
    status,
    expiresAt: post.expires_at,
    posterName: postedByMe ? posterName : maskName(posterName),
    postedByMe,
    myRole,
    canAccept: status === 'open' && !postedByMe,
    canConfirm: status === 'accepted' && helpedOf(post) === own,
    canCancel: (status === 'open' && postedByMe) || (status === 'accepted' && post.helper_account_id === own),
  };
}
