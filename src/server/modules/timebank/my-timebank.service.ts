import type { ServiceContext } from '../../services.js';
import type { LedgerLine } from './accounts.repository.js';
import { accountsRepository } from './accounts.repository.js';
import { reportsRepository } from './reports.repository.js';
import { type Statement, StatementsService } from './statements.service.js';
import { type AccountView, withLimits } from './timebank.service.js';

/** Rows of one's own ledger shown on one's own page. */
export const OWN_LEDGER_ROWS = 20;

/**
 * A member's own account: the account of the register person their staff login is linked to as
 * a member (`members.user_id`). None until minutes first reach them (confirmed volunteer hours
 * open it). Only ever the caller's own: the routes take no account id.
 */
export class MyTimebankService {
  constructor(private readonly ctx: ServiceContext) {}

  async mine(userId: string): Promise<{ account: AccountView | null; ledger: LedgerLine[] }> {
    const { db } = this.ctx.database;
    const account = await reportsRepository.accountOfUser(db, userId);
    if (!account) return { account: null, ledger: [] };
    const [view] = await withLimits(db, [account]);
    return { account: view!, ledger: await accountsRepository.latestLedger(db, account.id, OWN_LEDGER_ROWS) };
  }

  async statement(userId: string, month: string): Promise<Statement> {
    const account = await reportsRepository.accountOfUser(this.ctx.database.db, userId);
    return new StatementsService(this.ctx).own(account, month);
  }
}
