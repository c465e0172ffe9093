import { creditConfirmedMinutes, demoTimebankRepository, openAccountIn } from '../modules/timebank/index.js';
import type { ServiceContext } from '../services.js';

const TEAMS = 40;
const RESIDENTS = 400;

/**
 * 爱心银行 of the demo: accounts for each district's volunteer teams and a few hundred residents,
 * each resident with the starter grant and confirmed hours credited by a team, so every balance
 * lies above its floor. Idempotent: accounts open once and each credit has its own ref.
 */
export async function demoTimebank(ctx: ServiceContext, districtCodes: readonly string[]): Promise<void> {
  const at = ctx.now().toISOString();
  for (const district of districtCodes) {
    await ctx.database.db.transaction().execute(async (trx) => {
      const teams = [];
      for (const team of await demoTimebankRepository.teams(trx, district, TEAMS)) {
        const opened = await openAccountIn(
          trx,
          { kind: 'organization', id: team.id, name: team.name, regionCode: team.region_code },
          at,
        );
        teams.push(opened.account);
      }
      if (teams.length === 0) return;
      const residents = await demoTimebankRepository.residents(trx, district, RESIDENTS);
      for (const [i, person] of residents.entries()) {
        const { account } = await openAccountIn(
          trx,
          { kind: 'person', id: person.id, name: person.name, regionCode: person.region_code },
          at,
        );
        await creditConfirmedMinutes(trx, {
          teamAccount: teams[i % teams.length]!.id,
          volunteerAccount: account.id,
          minutes: 30 * (1 + ((i * 7) % 20)),
          ref: `demo:${account.id}`,
          at,
        });
      }
    });
  }
}
