import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  CreateLoanBody,
  documentBody,
  guidanceBody,
  LoanSettings,
  LoanStatus,
} from '../../../shared/api/loans.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { registerRepository } from '../register/index.js';
import { loanCounts } from './loan-counts.repository.js';
import { endOfBeijingDayAfter } from './loan-dates.js';
import { writeLoanEvent } from './loan-events.js';
import { householdInScope } from './loan-people.repository.js';
import { loanSettingsOf } from './loan-settings.service.js';
import { type LoanView, loansRepository } from './loans.repository.js';
import { repaymentsRepository } from './repayments.repository.js';

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US');

/** Applications taken in from the register: prefill, guidance, the checklist, lists and totals. */
export class LoanApplicationsService {
  constructor(private readonly ctx: ServiceContext) {}

  private async personInScope(scope: Scope, personId: string) {
    const person = await registerRepository.findPerson(this.ctx.database.db, scope, personId);
    if (!person) throw notFound('loan.unknown_person');
    return person;
  }

  /** What the form starts with: the applicant as the register knows them, and the district's limits. */
  async prefill(scope: Scope, personId: string) {
    const { db } = this.ctx.database;
    const person = await this.personInScope(scope, personId);
    const household = person.household_id
      ? await householdInScope(db, scope, person.household_id)
      : undefined;
    return {
      person,
      address: household?.address ?? person.current_address,
      guided: await loansRepository.guided(db, person.id),
      settings: await loanSettingsOf(db, person.district_code),
    };
  }

  async recordGuidance(scope: Scope, input: z.output<typeof guidanceBody>, actor: AuditActor) {
    if (input.attendedOn > beijingDate(this.ctx.now())) throw fieldError('attendedOn', 'loan.date_in_future');
    const person = await this.personInScope(scope, input.personId);
    const id = uuidv7();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await loansRepository.insertGuidance(trx, {
        id,
        district_code: person.district_code,
        region_code: person.region_code,
        person_id: person.id,
        attended_on: input.attendedOn,
        topic: input.topic,
        recorded_by: actor.id,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'loan.guidance_recorded',
        targetType: 'person',
        targetId: person.id,
        regionCode: person.region_code,
        summary: { attendedOn: input.attendedOn, topic: input.topic },
      });
    });
    return { id, personId: person.id, attendedOn: input.attendedOn, topic: input.topic };
  }

  /** Takes an application in: within the district's limits, one open application per person. */
  async create(scope: Scope, input: CreateLoanBody, actor: AuditActor): Promise<LoanView> {
    const { db } = this.ctx.database;
    const person = await this.personInScope(scope, input.personId);
    if (person.status !== 'active') throw fieldError('personId', 'loan.person_inactive');
    const settings = await loanSettingsOf(db, districtOf(person.region_code));
    checkLimits(settings, input);
    const now = this.ctx.now();
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      if (await loansRepository.openOfPerson(trx, person.id)) throw conflict('loan.open_application');
      const status: LoanStatus = 'submitted';
      await loansRepository.insert(trx, {
        id,
        district_code: person.district_code,
        region_code: person.region_code,
        number: `DK${beijingDate(now).replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`,
        person_id: person.id,
        household_id: person.household_id,
        amount_fen: input.amountFen,
        term_months: input.termMonths,
        purpose: input.purpose,
        business: input.business,
        repayment_method: input.repaymentMethod,
        status,
        step_due_at: endOfBeijingDayAfter(now, settings.stepDays.submitted),
        overdue: 0,
        bucket: 'current',
        days_past_due: 0,
        created_by: actor.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await loansRepository.insertDocuments(
        trx,
        settings.requiredDocuments.map((item) => ({
          district_code: person.district_code,
          application_id: id,
          item,
          ticked: 0,
        })),
      );
      await writeLoanEvent(
        this.ctx,
        trx,
        { id, district_code: person.district_code, region_code: person.region_code },
        {
          action: 'loan.applied',
          from: null,
          to: status,
          actor,
          summary: { amountFen: input.amountFen, termMonths: input.termMonths },
        },
      );
    });
    return (await loansRepository.viewUnscoped(db, id))!;
  }

  /** Ticks (or unticks) one item of the checklist, with who and when; only before the money moves. */
  async tickDocument(scope: Scope, id: string, input: z.output<typeof documentBody>, actor: AuditActor) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const loan = await loansRepository.findInScope(trx, scope, id);
      if (!loan) throw notFound('loan.not_found');
      if (!['submitted', 'community_review', 'centre_review', 'bank_approval'].includes(loan.status))
        throw conflict('loan.illegal_transition', { status: `loan.${loan.status}` });
      const at = this.ctx.now().toISOString();
      const changed = await loansRepository.tickDocument(trx, id, input.item, {
        ticked: input.ticked ? 1 : 0,
        ticked_by: input.ticked ? actor.id : null,
        ticked_by_name: input.ticked ? actor.name : null,
        ticked_at: input.ticked ? at : null,
      });
      if (!changed) throw fieldError('item', 'loan.unknown_document');
      await this.ctx.audit.append(trx, actor, {
        action: 'loan.document_ticked',
        targetType: 'loan_application',
        targetId: id,
        regionCode: loan.region_code,
        summary: { item: input.item, ticked: input.ticked },
      });
    });
    return this.detail(scope, id);
  }

  list(
    scope: Scope,
    filter: {
      status?: LoanStatus | undefined;
      overdue?: boolean | undefined;
      region?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return loansRepository.list(this.ctx.database.db, within, filter);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    if (!(await loansRepository.findInScope(db, scope, id))) throw notFound('loan.not_found');
    const [loan, documents, events, instalments, repayments, pauses] = await Promise.all([
      loansRepository.viewUnscoped(db, id),
      loansRepository.documents(db, id),
      loansRepository.events(db, id),
      repaymentsRepository.instalments(db, id),
      repaymentsRepository.repayments(db, id),
      repaymentsRepository.pauses(db, id),
    ]);
    return { loan: loan!, documents, events, instalments, repayments, pauses };
  }

  totals(scope: Scope, region: string | undefined) {
    const within = region ? scope.filteredTo(region) : scope;
    return loanCounts.totals(this.ctx.database.db, within, beijingDate(this.ctx.now()));
  }
}

export type LoanDetailView = Awaited<ReturnType<LoanApplicationsService['detail']>>;

function checkLimits(settings: LoanSettings, input: CreateLoanBody): void {
  if (input.amountFen > settings.maxAmountFen)
    throw fieldError('amountFen', 'loan.amount_over_limit', { max: yuan(settings.maxAmountFen) });
  if (input.termMonths > settings.maxTermMonths)
    throw fieldError('termMonths', 'loan.term_over_limit', { max: settings.maxTermMonths });
}
