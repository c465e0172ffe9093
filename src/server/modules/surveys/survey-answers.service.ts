import { randomUUID } from 'node:crypto';
import {
  type AnswerChannel,
  type AnswersBody,
  type InterviewBody,
  UNSATISFIED_UP_TO,
} from '../../../shared/api/surveys.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { SignedInResident } from '../../http/access-control.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import type { CatalogueCache, CatalogueSnapshot } from '../catalogue/index.js';
import { callbackWithin } from '../work-orders/index.js';
import { readAnswers } from './answers.js';
import { responsesRepository } from './responses.repository.js';
import { type SampleRowRecord, sampleRepository } from './sample.repository.js';
import { type SurveyRow, surveysRepository } from './surveys.repository.js';

/**
 * Answers come in two ways: an operator records a phone interview for a sample row (answered,
 * refused or unreachable — the last two bring the stratum's next reserve in), or the resident
 * answers on the portal. Either way the sample row only learns *that* it answered (status and the
 * day); the answers go to survey_responses under a random key, without the row, the person or a
 * time when the survey is anonymous (see docs/architecture.md, "Satisfaction surveys").
 */
export class SurveyAnswersService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly catalogue: CatalogueCache,
  ) {}

  async interview(scope: Scope, sampleId: string, input: InterviewBody, actor: AuditActor): Promise<string> {
    const { db } = this.ctx.database;
    const row = await sampleRepository.findInScope(db, scope, sampleId);
    if (!row) throw notFound('survey.sample_not_found');
    const survey = (await surveysRepository.findUnscoped(db, row.survey_id))!;
    if (survey.status !== 'open') throw conflict('survey.not_open');
    if (row.status !== 'waiting') throw conflict('survey.sample_not_waiting');
    const answered = input.outcome === 'answered';
    if (answered && !input.answers?.length) throw fieldError('answers', 'survey.answers_required');
    if (!answered && input.answers?.length) throw fieldError('answers', 'survey.answers_not_allowed');
    const read = answered
      ? readAnswers(
          await surveysRepository.questions(db, survey.id),
          input.answers ?? [],
          survey.satisfaction_question_id,
        )
      : undefined;
    const catalogue = await this.catalogueFor(row);
    return db.transaction().execute(async (trx) => {
      if (!(await sampleRepository.settle(trx, row.id, input.outcome, this.today())))
        throw conflict('survey.sample_not_waiting');
      let broughtIn: string | null = null;
      if (read) await this.store(trx, survey, row, 'phone', read, actor, catalogue);
      else {
        const reserve = await sampleRepository.nextReserve(trx, survey.id, row.stratum_code);
        if (reserve && (await sampleRepository.activate(trx, reserve.id, this.ctx.now().toISOString())))
          broughtIn = reserve.id;
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'survey.interview_recorded',
        targetType: 'survey_sample',
        targetId: row.id,
        regionCode: row.region_code,
        summary: { survey: survey.id, outcome: input.outcome, reserve: broughtIn, note: input.note ?? '' },
      });
      return row.id;
    });
  }

  /** The open surveys waiting for this resident's answer, with their questions. */
  async waitingFor(resident: SignedInResident) {
    const { db } = this.ctx.database;
    const rows = await sampleRepository.waitingFor(db, resident.districtCode, {
      personId: resident.personId,
      phoneIndex: resident.phoneIndex,
    });
    const surveyIds = [...new Set(rows.map((r) => r.survey_id))];
    return Promise.all(
      surveyIds.map(async (id) => ({
        survey: (await surveysRepository.findUnscoped(db, id))!,
        questions: await surveysRepository.questions(db, id),
      })),
    );
  }

  /** The resident's own waiting row of an open survey, or 404 (not sampled, or answered already). */
  private async ownRow(db: Executor, resident: SignedInResident, surveyId: string): Promise<SampleRowRecord> {
    const rows = await sampleRepository.waitingFor(db, resident.districtCode, {
      personId: resident.personId,
      phoneIndex: resident.phoneIndex,
    });
    const row = rows.find((r) => r.survey_id === surveyId);
    if (!row) throw notFound('survey.not_in_sample');
    return row;
  }

  async answerOnPortal(resident: SignedInResident, actor: AuditActor, surveyId: string, input: AnswersBody) {
    const { db } = this.ctx.database;
    const row = await this.ownRow(db, resident, surveyId);
    const survey = (await surveysRepository.findUnscoped(db, surveyId))!;
    const read = readAnswers(
      await surveysRepository.questions(db, survey.id),
      input.answers,
      survey.satisfaction_question_id,
    );
    const catalogue = await this.catalogueFor(row);
    await db.transaction().execute(async (trx) => {
      if (!(await sampleRepository.settle(trx, row.id, 'answered', this.today())))
        throw notFound('survey.not_in_sample');
      await this.store(trx, survey, row, 'portal', read, actor, catalogue);
      // The audit row says a resident answered this survey; never what, nor which response is theirs.
      await this.ctx.audit.append(trx, actor, {
        action: 'survey.answered',
        targetType: 'survey',
        targetId: survey.id,
        regionCode: row.region_code,
        summary: { channel: 'portal' },
      });
    });
  }

  private today(): string {
    return beijingDate(this.ctx.now());
  }

  /** The catalogue, taken before a transaction (SQLite), when the answer may reopen an order. */
  private catalogueFor(row: SampleRowRecord): Promise<CatalogueSnapshot> | undefined {
    return row.work_order_id ? this.catalogue.snapshot() : undefined;
  }

  /**
   * Writes one response and its answers. Anonymous: a random key, the stratum, the channel and
   * the satisfaction value — no sample row, person or time. An unsatisfied answer about a named
   * order is the order's callback verdict: it reopens the order exactly as a callback does.
   */
  private async store(
    trx: Executor,
    survey: SurveyRow,
    row: SampleRowRecord,
    channel: AnswerChannel,
    read: ReturnType<typeof readAnswers>,
    actor: AuditActor,
    catalogue: CatalogueSnapshot | undefined,
  ): Promise<void> {
    const id = randomUUID();
    await responsesRepository.insert(
      trx,
      {
        id,
        district_code: survey.district_code,
        survey_id: survey.id,
        region_code: row.stratum_code,
        channel,
        satisfaction: read.satisfaction,
        sample_id: survey.anonymous ? null : row.id,
      },
      read.values.map((v) => ({
        district_code: survey.district_code,
        survey_id: survey.id,
        response_id: id,
        question_id: v.questionId,
        choice: v.choice,
        text: v.text,
      })),
    );
    if (
      row.work_order_id &&
      catalogue &&
      read.satisfaction !== null &&
      read.satisfaction <= UNSATISFIED_UP_TO
    )
      await callbackWithin(this.ctx, trx, catalogue, row.work_order_id, {
        satisfaction: 'unsatisfied',
        actor,
        note: `满意度测评“${survey.title}”：不满意`,
        by: 'survey',
      });
  }
}
