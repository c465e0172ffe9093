import {
  PAID_STATUSES,
  RELOCATED_STATUSES,
  RELOCATION_STATUSES,
  type RelocationStatus,
} from '../../../shared/api/relocation.js';
import type { Scope } from '../../auth/scope.js';
import type { ServiceContext } from '../../services.js';
import { regionsRepository } from '../regions/index.js';
import { relocationCasesRepository as cases } from './relocation-cases.repository.js';

type PlaceRow = Awaited<ReturnType<typeof cases.byPlace>>[number];

/** The figures of the cases inside one region (every case whose place starts with its code). */
function tally(rows: readonly PlaceRow[], prefix: string) {
  const byStatus = Object.fromEntries(RELOCATION_STATUSES.map((s) => [s, 0])) as Record<
    RelocationStatus,
    number
  >;
  let householdsRelocated = 0;
  let householdsResettled = 0;
  let enterprisesRelocated = 0;
  let compensationPaidFen = 0;
  for (const row of rows) {
    if (!row.region_code.startsWith(prefix)) continue;
    const n = Number(row.cases);
    byStatus[row.status] += n;
    const relocated = RELOCATED_STATUSES.includes(row.status);
    if (row.subject === 'household' && relocated) householdsRelocated += n;
    if (row.subject === 'enterprise' && relocated) enterprisesRelocated += n;
    if (row.subject === 'household' && row.status === 'resettled') householdsResettled += n;
    if (PAID_STATUSES.includes(row.status)) compensationPaidFen += Number(row.fen);
  }
  return { byStatus, householdsRelocated, householdsResettled, enterprisesRelocated, compensationPaidFen };
}

/** 搬迁统计: cases by status, households relocated and resettled, compensation paid, per region. */
export class RelocationTotalsService {
  constructor(private readonly ctx: ServiceContext) {}

  async totals(scope: Scope, region: string | undefined) {
    const { db } = this.ctx.database;
    const code = region ?? (scope.roots.length === 1 ? scope.roots[0]! : this.ctx.config.districtCode);
    const within = scope.filteredTo(code);
    const [place, children, rows] = await Promise.all([
      regionsRepository.findUnscoped(db, code),
      regionsRepository.children(db, code),
      cases.byPlace(db, within),
    ]);
    return {
      region: { regionCode: code, name: place?.name ?? code, ...tally(rows, code) },
      children: children
        .filter((child) => within.includes(child.code) || within.roots.some((r) => r.startsWith(child.code)))
        .map((child) => ({ regionCode: child.code, name: child.name, ...tally(rows, child.code) })),
    };
  }
}
