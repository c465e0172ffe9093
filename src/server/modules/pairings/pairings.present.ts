import type { PairingDetail, PairingSummary } from '../../../shared/api/pairings.js';
import type { PairingRow } from './pairings.repository.js';
import type { PairingDetailView } from './pairings.service.js';

/** Row → DTO mappers of the pairings API (shapes in src/shared/api/pairings.ts). */

export const toPairingSummary = (p: PairingRow): PairingSummary => ({
  id: p.id,
  regionCode: p.region_code,
  helperKind: p.helper_kind,
  helperId: p.helper_id,
  helperName: p.helper_name,
  targetKind: p.target_kind,
  targetId: p.target_id,
  targetName: p.target_name,
  status: p.status,
  startedOn: p.started_on,
  endedOn: p.ended_on,
  endReason: p.end_reason,
  nextContactOn: p.next_contact_on,
  createdAt: p.created_at,
});

const entry = (e: {
  id: string;
  on_day: string;
  description: string;
  recorded_by_name: string | null;
  created_at: string;
}) => ({
  id: e.id,
  onDay: e.on_day,
  description: e.description,
  recordedBy: e.recorded_by_name,
  createdAt: e.created_at,
});

export function toPairingDetail(view: PairingDetailView): PairingDetail {
  return {
    ...toPairingSummary(view.pairing),
    goals: view.pairing.goals,
    plan: view.pairing.plan,
    endNote: view.pairing.end_note,
    supportFen: view.supports.reduce((sum, s) => sum + Number(s.amount_fen), 0),
    contacts: view.contacts.map((c) => ({ ...entry(c), method: c.method })),
    supports: view.supports.map((s) => ({ ...entry(s), kind: s.kind, amountFen: Number(s.amount_fen) })),
    outcomes: view.outcomes.map(entry),
  };
}
