import type { Executor } from '../../db/database.js';
import { CIRCULATING_KINDS } from './circulation-kinds.js';

/**
 * What the cockpit's circulation counter is recounted from (the rebuild): every circulating
 * transfer of a district with its minutes, its time and the region of the paying account.
 */
export const circulationRepository = {
  circulatingTransfers: (db: Executor, district: string) =>
    db
      .selectFrom('timebank_transfers as t')
      .innerJoin('timebank_accounts as a', 'a.id', 't.from_account_id')
      .select(['a.region_code', 't.created_at', 't.minutes'])
      .where('t.district_code', '=', district)
      .where('t.kind', 'in', [...CIRCULATING_KINDS])
      .execute(),
};
