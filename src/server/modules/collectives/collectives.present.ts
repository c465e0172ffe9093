import type { CollectiveDetail, DividendRun } from '../../../shared/api/collectives.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { PersonStatus } from '../../db/tables.js';
import { maskedContact } from '../register/index.js';
import type { CollectiveView } from './collectives.repository.js';
import type { CollectiveDetailView } from './collectives.service.js';
import type { DividendRunRow } from './dividends.repository.js';

/** Row → DTO mappers of the collectives API (shapes in src/shared/api/collectives.ts). */

export const toCollectiveSummary = (c: CollectiveView) => ({
  id: c.id,
  regionCode: c.region_code,
  regionName: c.region_name,
  name: c.name,
  retentionBp: c.retention_bp,
  shareholders: Number(c.shareholders ?? 0),
  totalShares: Number(c.total_shares ?? 0),
  createdAt: c.created_at,
});

export const toDividendRun = (r: DividendRunRow): DividendRun => ({
  id: r.id,
  collectiveId: r.collective_id,
  year: r.year,
  incomeFen: Number(r.income_fen),
  retentionBp: r.retention_bp,
  retainedFen: Number(r.retained_fen),
  remainderFen: Number(r.remainder_fen),
  totalShares: Number(r.total_shares),
  perShareFen: Number(r.per_share_fen),
  paidFen: Number(r.paid_fen),
  status: r.status,
  draftedBy: r.drafted_by_name,
  draftedAt: r.drafted_at,
  approvedBy: r.approved_by_name,
  approvedAt: r.approved_at,
});

export const toCollectiveDetail = (view: CollectiveDetailView): CollectiveDetail => ({
  ...toCollectiveSummary(view.collective),
  incomes: view.incomes.map((i) => ({
    id: i.id,
    year: i.year,
    amountFen: Number(i.amount_fen),
    source: i.source,
    receivedOn: i.received_on,
  })),
  runs: view.runs.map(toDividendRun),
});

/** A person of a list, masked as the register shows them (anonymized: no name, no number). */
export function maskedPerson(
  crypto: FieldCrypto,
  p: { person_id: string; name: string; id_number_enc: string; phone_enc: string | null; status: string },
) {
  const contact = maskedContact(crypto, { ...p, status: p.status as PersonStatus });
  return { personId: p.person_id, name: p.status === 'anonymized' ? '' : p.name, idNumber: contact.idNumber };
}
