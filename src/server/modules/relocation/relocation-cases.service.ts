import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  agreeBody,
  CreateCaseBody,
  moveBody,
  payBody,
  RelocationProgram,
  RelocationStatus,
  RelocationSubject,
  resettleBody,
  withdrawBody,
} from '../../../shared/api/relocation.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import type { RelocationCaseTable } from './relocation.tables.js';
import { type CaseRow, relocationCasesRepository as cases } from './relocation-cases.repository.js';
import { relocationPartiesRepository as parties } from './relocation-parties.repository.js';
import { isLegal, RELOCATION_RULES } from './relocation-rules.js';
import { resettlementsRepository } from './resettlements.repository.js';

type StepInput =
  | { action: 'agree'; body: z.output<typeof agreeBody> }
  | { action: 'pay'; body: z.output<typeof payBody> }
  | { action: 'move'; body: z.output<typeof moveBody> }
  | { action: 'resettle'; body: z.output<typeof resettleBody> }
  | { action: 'withdraw'; body: z.output<typeof withdrawBody> };

/** The step's date and its field name in the body. */
const dayOf = (step: StepInput): { field: string; day: string } => {
  switch (step.action) {
    case 'agree':
      return { field: 'agreedOn', day: step.body.agreedOn };
    case 'pay':
      return { field: 'paidOn', day: step.body.paidOn };
    case 'move':
      return { field: 'movedOn', day: step.body.movedOn };
    case 'resettle':
      return { field: 'resettledOn', day: step.body.resettledOn };
    case 'withdraw':
      return { field: 'withdrawnOn', day: step.body.withdrawnOn };
  }
};

/** The latest date a case has reached: a step may not be dated before it. */
const lastDay = (row: CaseRow): string =>
  [row.surveyed_on, row.agreed_on, row.paid_on, row.moved_on]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1)!;

/**
 * 易地搬迁 cases: opened from the survey of a household or an enterprise in scope, moved along the
 * workflow of relocation-rules.ts. Each step is checked as: visible (404), legal now (409
 * `relocation.illegal_transition`), valid (400 by field); it moves the case only from the status it
 * read, with an event (who, when, the day) and an audit row in one transaction.
 */
export class RelocationCasesService {
  constructor(private readonly ctx: ServiceContext) {}

  private today(): string {
    return beijingDate(this.ctx.now());
  }

  private async subjectOf(scope: Scope, subject: RelocationSubject, id: string) {
    const { db } = this.ctx.database;
    if (subject === 'enterprise') {
      const enterprise = await parties.enterprise(db, scope, id);
      if (!enterprise) throw fieldError('subjectId', 'relocation.unknown_subject');
      return { name: enterprise.name, regionCode: enterprise.region_code };
    }
    const household = await parties.household(db, scope, id);
    if (!household) throw fieldError('subjectId', 'relocation.unknown_subject');
    const head = household.head_status === 'anonymized' ? '' : (household.head_name ?? '');
    return {
      name: head ? `${head}户 · ${household.address}` : household.address,
      regionCode: household.region_code,
    };
  }

  async create(scope: Scope, input: CreateCaseBody, actor: AuditActor): Promise<string> {
    if (input.surveyedOn > this.today()) throw fieldError('surveyedOn', 'relocation.date_in_future');
    if (input.landAreaDm2 === 0 && input.houseAreaDm2 === 0)
      throw fieldError('houseAreaDm2', 'relocation.no_area');
    const subject = await this.subjectOf(scope, input.subject, input.subjectId);
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    const district = districtOf(subject.regionCode);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      if (await cases.openOf(trx, input.subject, input.subjectId)) throw conflict('relocation.subject_open');
      await cases.insert(trx, {
        id,
        district_code: district,
        region_code: subject.regionCode,
        subject: input.subject,
        subject_id: input.subjectId,
        subject_name: subject.name,
        program: input.program,
        land_area_dm2: input.landAreaDm2,
        house_area_dm2: input.houseAreaDm2,
        compensation_fen: null,
        status: 'surveyed',
        surveyed_on: input.surveyedOn,
        note: input.note,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await cases.insertEvent(trx, {
        id: uuidv7(),
        district_code: district,
        case_id: id,
        action: 'survey',
        from_status: null,
        to_status: 'surveyed',
        on_day: input.surveyedOn,
        note: input.note,
        actor_id: actor.id,
        actor_name: actor.name,
        at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'relocation.surveyed',
        targetType: 'relocation_case',
        targetId: id,
        regionCode: subject.regionCode,
        summary: {
          subject: input.subject,
          program: input.program,
          landAreaDm2: input.landAreaDm2,
          houseAreaDm2: input.houseAreaDm2,
        },
      });
    });
    return id;
  }

  async act(scope: Scope, id: string, step: StepInput, actor: AuditActor): Promise<void> {
    const rule = RELOCATION_RULES[step.action];
    try {
      await this.ctx.database.db.transaction().execute(async (trx) => {
        const row = await cases.findInScope(trx, scope, id);
        if (!row) throw notFound('relocation.not_found');
        const illegal = () =>
          conflict('relocation.illegal_transition', {
            status: `relocation.${row.status}`,
            action: `relocation.${step.action}`,
          });
        if (!isLegal(step.action, row.status, row.subject)) throw illegal();
        const { field, day } = dayOf(step);
        if (day > this.today()) throw fieldError(field, 'relocation.date_in_future');
        const previous = lastDay(row);
        if (day < previous) throw fieldError(field, 'relocation.date_before_previous', { previous });
        const now = this.ctx.now().toISOString();
        const changes = await this.changesOf(trx, row, step, now);
        if (!(await cases.transition(trx, id, row.status, { ...changes, status: rule.to, updated_at: now })))
          throw illegal();
        await this.record(trx, row, step, rule.to, day, actor, now);
      });
    } catch (error) {
      // Two resettlements into the same flat at once: the second loses on the unique index.
      if (step.action === 'resettle' && isUniqueViolation(error))
        throw fieldError('unit', 'relocation.unit_taken');
      throw error;
    }
  }

  /** What a step writes on the case besides its status; a resettlement also takes a flat. */
  private async changesOf(
    trx: Executor,
    row: CaseRow,
    step: StepInput,
    now: string,
  ): Promise<Partial<RelocationCaseTable>> {
    switch (step.action) {
      case 'agree':
        return { compensation_fen: step.body.compensationFen, agreed_on: step.body.agreedOn };
      case 'pay':
        return { paid_on: step.body.paidOn };
      case 'move':
        return { moved_on: step.body.movedOn };
      case 'withdraw':
        return { withdrawn_on: step.body.withdrawnOn };
      case 'resettle': {
        const { resettlementId, unit } = step.body;
        const community = await resettlementsRepository.findInDistrict(
          trx,
          row.district_code,
          resettlementId,
        );
        if (!community) throw fieldError('resettlementId', 'relocation.unknown_resettlement');
        if (await cases.unitTaken(trx, row.district_code, resettlementId, unit))
          throw fieldError('unit', 'relocation.unit_taken');
        if (!(await resettlementsRepository.occupy(trx, resettlementId, now)))
          throw fieldError('resettlementId', 'relocation.resettlement_full', {
            capacity: community.capacity_units,
          });
        return { resettlement_id: resettlementId, unit, resettled_on: step.body.resettledOn };
      }
    }
  }

  private async record(
    trx: Executor,
    row: CaseRow,
    step: StepInput,
    to: RelocationStatus,
    day: string,
    actor: AuditActor,
    now: string,
  ) {
    const note = step.action === 'withdraw' ? step.body.reason : step.body.note;
    await cases.insertEvent(trx, {
      id: uuidv7(),
      district_code: row.district_code,
      case_id: row.id,
      action: step.action,
      from_status: row.status,
      to_status: to,
      on_day: day,
      note,
      actor_id: actor.id,
      actor_name: actor.name,
      at: now,
    });
    await this.ctx.audit.append(trx, actor, {
      action: `relocation.${step.action}`,
      targetType: 'relocation_case',
      targetId: row.id,
      regionCode: row.region_code,
      summary: {
        from: row.status,
        to,
        day,
        ...(step.action === 'agree' ? { compensationFen: step.body.compensationFen } : {}),
        ...(step.action === 'resettle'
          ? { resettlementId: step.body.resettlementId, unit: step.body.unit }
          : {}),
        ...(step.action === 'withdraw' ? { reason: step.body.reason } : {}),
      },
    });
  }

  list(
    scope: Scope,
    filter: {
      status?: RelocationStatus | undefined;
      subject?: RelocationSubject | undefined;
      program?: RelocationProgram | undefined;
      region?: string | undefined;
      order?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return cases.list(this.ctx.database.db, within, filter);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const row = await cases.listedInScope(db, scope, id);
    if (!row) throw notFound('relocation.not_found');
    const [events, disputes] = await Promise.all([cases.events(db, id), cases.disputes(db, id)]);
    return { row, events, disputes };
  }
}

export type CaseDetailView = Awaited<ReturnType<RelocationCasesService['detail']>>;
