import type { LoanDetail, LoanSettings, LoanSummary } from '../../../shared/api/loans.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Person } from '../../db/tables.js';
import { maskedContact } from '../register/index.js';
import type { LoanDetailView } from './applications.service.js';
import type { LoanView } from './loans.repository.js';

/** Row → DTO mappers of the loans API (shapes in src/shared/api/loans.ts). */

/** The day a deadline (the end of its last day, Beijing time) falls on. */
const dueDayOf = (dueAt: string | null): string | null =>
  dueAt ? new Date(Date.parse(dueAt) - 1 + 8 * 3_600_000).toISOString().slice(0, 10) : null;

export const toLoanSummary = (loan: LoanView): LoanSummary => ({
  id: loan.id,
  number: loan.number,
  personId: loan.person_id,
  name: loan.person_status === 'anonymized' ? '' : loan.name,
  regionCode: loan.region_code,
  amountFen: loan.amount_fen,
  termMonths: loan.term_months,
  status: loan.status,
  stepDueOn: dueDayOf(loan.step_due_at),
  overdue: loan.overdue === 1,
  bucket: loan.bucket,
  daysPastDue: loan.days_past_due,
  paused: Number(loan.open_pauses ?? 0) > 0,
  createdAt: loan.created_at,
});

export function toLoanDetail(crypto: FieldCrypto, view: LoanDetailView): LoanDetail {
  const { loan } = view;
  const contact = maskedContact(crypto, {
    id_number_enc: loan.id_number_enc,
    phone_enc: loan.phone_enc,
    status: loan.person_status as Person['status'],
  });
  return {
    ...toLoanSummary(loan),
    idNumber: contact.idNumber,
    phone: contact.phone || null,
    householdId: loan.household_id,
    purpose: loan.purpose,
    business: loan.business,
    repaymentMethod: loan.repayment_method,
    annualRateBp: loan.annual_rate_bp,
    subsidyShareBp: loan.subsidy_share_bp,
    bankName: loan.bank_name,
    contractNo: loan.contract_no,
    disbursedOn: loan.disbursed_on,
    escalatedRegionCode: loan.escalated_region_code,
    followUpOrderId: loan.follow_up_order_id,
    documents: view.documents.map((d) => ({
      item: d.item,
      ticked: d.ticked === 1,
      tickedBy: d.ticked_by_name,
      tickedAt: d.ticked_at,
    })),
    events: view.events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      actorName: e.actor_name,
      at: e.at,
    })),
    instalments: view.instalments.map((i) => ({
      seq: i.seq,
      dueOn: i.due_on,
      principalFen: i.principal_fen,
      borrowerInterestFen: i.borrower_interest_fen,
      subsidyInterestFen: i.subsidy_interest_fen,
      paidFen: i.paid_fen,
      paidOn: i.paid_on,
    })),
    repayments: view.repayments.map((r) => ({ id: r.id, amountFen: r.amount_fen, paidOn: r.paid_on })),
    pauses: view.pauses.map((p) => ({ id: p.id, reason: p.reason, fromOn: p.from_on, toOn: p.to_on })),
    outstandingFen: view.instalments.reduce(
      (sum, i) => sum + i.principal_fen + i.borrower_interest_fen - i.paid_fen,
      0,
    ),
  };
}

export function toPrefill(
  crypto: FieldCrypto,
  prefill: { person: Person; address: string; guided: boolean; settings: LoanSettings },
) {
  const contact = maskedContact(crypto, prefill.person);
  return {
    personId: prefill.person.id,
    name: prefill.person.name,
    idNumber: contact.idNumber,
    phone: contact.phone || null,
    householdId: prefill.person.household_id,
    address: prefill.address,
    regionCode: prefill.person.region_code,
    guided: prefill.guided,
    settings: prefill.settings,
  };
}
