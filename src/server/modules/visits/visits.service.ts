import { beijingDate } from '../../../shared/beijing-time.js';
import { maskPhone } from '../../../shared/validators/index.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import { decodeCursor, page, pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { registerRepository } from '../register/index.js';
import { campaignsRepository } from './campaigns.repository.js';
import { coverageRepository } from './coverage.repository.js';
import { type TargetFilter, targetsRepository } from './targets.repository.js';
import { visitableHousehold } from './visit-access.js';
import { visitLookups } from './visit-lookups.repository.js';
import { visitsRepository } from './visits.repository.js';

type TargetQuery = {
  campaign?: string | undefined;
  region?: string | undefined;
  visitor?: string | undefined;
  state?: TargetFilter['state'];
  cursor?: string | undefined;
  limit: number;
};

const counts = (
  row: { households: number; attempted: number; met: number; covered: number } | undefined,
) => ({
  households: Number(row?.households ?? 0),
  attempted: Number(row?.attempted ?? 0),
  met: Number(row?.met ?? 0),
  covered: Number(row?.covered ?? 0),
});

/** Reading visits: the household brief before a visit, lists, the households to visit, coverage. */
export class VisitsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Before knocking: who lives there (phones masked), their tags, and the last visit's summary. */
  async brief(principal: Principal, householdId: string) {
    const { db } = this.ctx.database;
    const household =
      (await visitableHousehold(db, principal, householdId)) ??
      (await registerRepository.findHousehold(db, principal.scopeFor('visit.read'), householdId));
    if (!household) throw notFound('visit.unknown_household');
    const people = (await registerRepository.membersOf(db, [household.id])).filter(
      (p) => p.status === 'active',
    );
    const tags = await registerRepository.tagNamesOf(
      db,
      people.map((p) => p.id),
    );
    const head = people.find((p) => p.id === household.head_person_id) ?? people[0];
    return {
      household,
      headName: head?.name ?? '',
      members: people.map((p) => ({
        id: p.id,
        name: p.name,
        phone: p.phone_enc ? maskPhone(this.ctx.crypto.decrypt('person.phone', p.phone_enc)) : '',
        tags: tags.get(p.id) ?? [],
      })),
      lastVisit: (await visitsRepository.lastOfHousehold(db, household.id)) ?? null,
    };
  }

  async get(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    if (!(await visitsRepository.findInScope(db, scope, id))) throw notFound('visit.not_found');
    return (await visitsRepository.viewUnscoped(db, id))!;
  }

  async list(
    scope: Scope,
    query: {
      household?: string | undefined;
      campaign?: string | undefined;
      order?: string | undefined;
      region?: string | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    return pageById(query, (after, limit) =>
      visitsRepository.list(
        this.ctx.database.db,
        within,
        { householdId: query.household, campaignId: query.campaign, orderId: query.order },
        after,
        limit,
      ),
    );
  }

  /** Households to visit in the caller's visit.read scope (planning lists: overdue, return due). */
  async targets(scope: Scope, query: TargetQuery) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    return this.targetPage({ scope: within }, query);
  }

  /** The households campaigns gave the signed-in user (a grid worker's or a member's round). */
  mine(userId: string, query: TargetQuery) {
    return this.targetPage({ visitorUserId: userId }, query);
  }

  private async targetPage(who: { scope: Scope } | { visitorUserId: string }, query: TargetQuery) {
    const after = decodeCursor(query.cursor, ['text', 'text'] as const);
    const rows = await targetsRepository.list(
      this.ctx.database.db,
      who,
      {
        campaignId: query.campaign,
        visitorUserId: query.visitor,
        state: query.state,
        today: beijingDate(this.ctx.now()),
      },
      after,
      query.limit,
    );
    return page(rows, query.limit, (last) => [last.campaign_id, last.household_id]);
  }

  /**
   * Coverage of a campaign in a region (its own, or the part of it in the caller's scope) and its
   * children, and per visitor with who is behind schedule: a few counter rows, never a scan.
   */
  async coverage(scope: Scope, id: string, region: string | undefined) {
    const { db } = this.ctx.database;
    const campaign = await campaignsRepository.findVisible(db, scope, id);
    if (!campaign) throw notFound('visit.campaign_not_found');
    let code = region ?? campaign.region_code;
    if (region === undefined && !scope.includes(code))
      code = scope.roots.find((root) => root.startsWith(campaign.region_code)) ?? code;
    scope.filteredTo(code);
    if (!code.startsWith(campaign.region_code)) throw notFound('region.not_found', { code });
    const regions = await visitLookups.regionWithChildren(db, code);
    const rows = new Map(
      (
        await coverageRepository.regions(
          db,
          campaign.district_code,
          id,
          regions.map((r) => r.code),
        )
      ).map((row) => [row.scope_key, row]),
    );
    const visitorRows = await coverageRepository.visitors(db, campaign.district_code, id);
    const names = await visitLookups.userNames(
      db,
      visitorRows.map((r) => r.scope_key),
    );
    const today = beijingDate(this.ctx.now());
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
    const elapsed = Math.min(
      1,
      Math.max(
        0,
        (day(today) - day(campaign.starts_on) + 86_400_000) /
          (day(campaign.ends_on) - day(campaign.starts_on) + 86_400_000),
      ),
    );
    const self = regions.find((r) => r.code === code);
    return {
      campaignId: id,
      regionCode: code,
      registerHouseholds: Number(self?.households ?? 0),
      ...counts(rows.get(code)),
      regions: regions
        .filter((r) => r.code !== code)
        .map((r) => ({
          regionCode: r.code,
          name: r.name,
          registerHouseholds: Number(r.households ?? 0),
          ...counts(rows.get(r.code)),
        })),
      visitors: visitorRows.map((row) => ({
        visitorUserId: row.scope_key,
        name: names.get(row.scope_key) ?? '',
        // Behind: fewer households at target than the share of the period gone by asks for.
        behind: Number(row.covered) < Math.floor(Number(row.households) * elapsed),
        ...counts(row),
      })),
    };
  }
}
