import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { SurveyDesignBody, SurveyStatus } from '../../../shared/api/surveys.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { type SurveyRow, surveysRepository } from './surveys.repository.js';

/** The columns a design sets, checked: the rules zod cannot say alone. */
function checkDesign(input: SurveyDesignBody) {
  input.questions.forEach((q, i) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && q.options.length < 2) throw fieldError(`questions.${i}.options`, 'survey.options_needed');
    if (!choice && q.options.length > 0)
      throw fieldError(`questions.${i}.options`, 'survey.options_not_allowed');
  });
  if (input.questions[input.satisfactionQuestion]?.kind !== 'scale')
    throw fieldError('satisfactionQuestion', 'survey.satisfaction_question');
  if (input.source === 'work_orders') {
    if (!input.periodFrom) throw fieldError('periodFrom', 'survey.period_required');
    if (!input.periodTo) throw fieldError('periodTo', 'survey.period_required');
    if (input.periodTo < input.periodFrom) throw fieldError('periodTo', 'survey.period_order');
  }
}

/** 群众满意度测评: questionnaires (designed while draft), their list, detail and close. */
export class SurveysService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The survey in scope, or 404. */
  async inScope(scope: Scope, id: string): Promise<SurveyRow> {
    const survey = await surveysRepository.findInScope(this.ctx.database.db, scope, id);
    if (!survey) throw notFound('survey.not_found');
    return survey;
  }

  private designColumns(input: SurveyDesignBody) {
    const work = input.source === 'work_orders';
    return {
      region_code: input.regionCode,
      district_code: districtOf(input.regionCode),
      title: input.title,
      description: input.description,
      anonymous: input.anonymous ? 1 : 0,
      source: input.source,
      period_from: work ? (input.periodFrom ?? null) : null,
      period_to: work ? (input.periodTo ?? null) : null,
      sample_size: input.sampleSize,
      reserve_percent: input.reservePercent,
      contact_window_days: input.contactWindowDays,
    };
  }

  private questionRows(surveyId: string, districtCode: string, input: SurveyDesignBody) {
    return input.questions.map((q, position) => ({
      id: uuidv7(),
      district_code: districtCode,
      survey_id: surveyId,
      position,
      kind: q.kind,
      text: q.text,
      options: JSON.stringify(q.options),
      required: q.required ? 1 : 0,
    }));
  }

  async create(scope: Scope, input: SurveyDesignBody, actor: AuditActor): Promise<string> {
    checkDesign(input);
    const { db } = this.ctx.database;
    if (!(await regionsRepository.findInScope(db, scope, input.regionCode)))
      throw notFound('region.not_found', { code: input.regionCode });
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    const columns = this.designColumns(input);
    const questions = this.questionRows(id, columns.district_code, input);
    await db.transaction().execute(async (trx) => {
      await surveysRepository.insert(trx, {
        id,
        ...columns,
        seed: input.seed ?? randomBytes(8).toString('hex'),
        satisfaction_question_id: questions[input.satisfactionQuestion]!.id,
        status: 'draft',
        capped: 0,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await surveysRepository.replaceQuestions(trx, id, questions);
      await this.ctx.audit.append(trx, actor, {
        action: 'survey.created',
        targetType: 'survey',
        targetId: id,
        regionCode: input.regionCode,
        summary: { title: input.title, source: input.source, anonymous: input.anonymous },
      });
    });
    return id;
  }

  /** Replaces a draft's design; once the sample is drawn the questionnaire stays as it was asked. */
  async update(scope: Scope, id: string, input: SurveyDesignBody, actor: AuditActor): Promise<void> {
    const survey = await this.inScope(scope, id);
    // Legal now before valid (as work orders check): a drawn survey refuses any design, good or bad.
    if (survey.status !== 'draft') throw conflict('survey.not_draft');
    checkDesign(input);
    const { db } = this.ctx.database;
    if (!(await regionsRepository.findInScope(db, scope, input.regionCode)))
      throw notFound('region.not_found', { code: input.regionCode });
    if (districtOf(input.regionCode) !== survey.district_code)
      throw fieldError('regionCode', 'survey.region_other_district');
    const columns = this.designColumns(input);
    const questions = this.questionRows(id, survey.district_code, input);
    await db.transaction().execute(async (trx) => {
      const changed = await surveysRepository.updateFrom(trx, id, 'draft', {
        ...columns,
        ...(input.seed ? { seed: input.seed } : {}),
        satisfaction_question_id: questions[input.satisfactionQuestion]!.id,
        updated_at: this.ctx.now().toISOString(),
      });
      if (!changed) throw conflict('survey.not_draft');
      await surveysRepository.replaceQuestions(trx, id, questions);
      await this.ctx.audit.append(trx, actor, {
        action: 'survey.updated',
        targetType: 'survey',
        targetId: id,
        regionCode: input.regionCode,
        summary: { title: input.title },
      });
    });
  }

  async detail(scope: Scope, id: string) {
    const survey = await this.inScope(scope, id);
    const { db } = this.ctx.database;
    const [questions, strata] = await Promise.all([
      surveysRepository.questions(db, id),
      surveysRepository.strata(db, id),
    ]);
    const names = await regionsRepository.namesOf(db, [
      survey.region_code,
      ...strata.map((s) => s.region_code),
    ]);
    return { survey, questions, strata, names };
  }

  async list(
    scope: Scope,
    filter: { status?: SurveyStatus | undefined; region?: string | undefined; after?: string; limit: number },
  ) {
    const narrowed = filter.region ? scope.filteredTo(filter.region) : scope;
    const { db } = this.ctx.database;
    const rows = await surveysRepository.list(db, narrowed, filter);
    const names = await regionsRepository.namesOf(
      db,
      rows.map((r) => r.region_code),
    );
    return { rows, names };
  }

  /** Ends an open survey: no more answers; results are final. */
  async close(scope: Scope, id: string, actor: AuditActor): Promise<void> {
    const survey = await this.inScope(scope, id);
    const now = this.ctx.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const changed = await surveysRepository.updateFrom(trx, id, 'open', {
        status: 'closed',
        closed_at: now,
        updated_at: now,
      });
      if (!changed) throw conflict('survey.not_open');
      await this.ctx.audit.append(trx, actor, {
        action: 'survey.closed',
        targetType: 'survey',
        targetId: id,
        regionCode: survey.region_code,
        summary: {},
      });
    });
  }
}
