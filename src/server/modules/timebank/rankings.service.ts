import type { RankingEntry } from '../../../shared/api/timebank.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceContext } from '../../services.js';
import { reportsRepository } from './reports.repository.js';
import { monthRange } from './statements.service.js';
import { maskName } from './timebank.present.js';

/**
 * Volunteers ranked by the hours credited to them (or by everything they earned helping) in a
 * region and a span of months, within the caller's time-bank scope. Names are personal data: in
 * full only where the caller may read the register (person.read over the account's region),
 * masked elsewhere (an auditor reads the time bank but not the register).
 */
export class RankingsService {
  constructor(private readonly ctx: ServiceContext) {}

  async rank(
    principal: Principal,
    query: { region: string; from: string; to: string; by: 'hours' | 'minutes'; limit: number },
  ): Promise<RankingEntry[]> {
    // A region outside the scope answers 404, as every region filter does.
    const scope = principal.scope.filteredTo(query.region);
    const register = principal.scopeFor('person.read');
    const range = { from: monthRange(query.from).from, to: monthRange(query.to).to };
    const rows = await reportsRepository.ranking(
      this.ctx.database.db,
      scope,
      range,
      query.by === 'hours' ? 'service' : 'earned',
      query.limit,
    );
    const entries: RankingEntry[] = [];
    let previous: number | undefined;
    rows.forEach((row, i) => {
      const serviceMinutes = Number(row.service);
      const earnedMinutes = Number(row.earned);
      const value = query.by === 'hours' ? serviceMinutes : earnedMinutes;
      // Equal figures share a place (1, 2, 2, 4).
      const rank = value === previous ? entries[i - 1]!.rank : i + 1;
      previous = value;
      const masked = !register.includes(row.region_code);
      entries.push({
        rank,
        accountId: row.id,
        name: masked ? maskName(row.owner_name) : row.owner_name,
        masked,
        regionCode: row.region_code,
        serviceMinutes,
        earnedMinutes,
      });
    });
    return entries;
  }
}
