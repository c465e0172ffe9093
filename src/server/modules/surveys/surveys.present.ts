import type {
  PortalSurvey,
  SampleRow,
  SurveyDetail,
  SurveyQuestion,
  SurveySummary,
} from '../../../shared/api/surveys.js';
import { maskPhone } from '../../../shared/validators/phone.js';
import type { ServiceContext } from '../../services.js';
import type { SampleListRow } from './sample.repository.js';
import type { QuestionRow, StratumRow, SurveyRow } from './surveys.repository.js';

/** Rows to the shared shapes; names and numbers of sampled people masked. */

/** 王建国 → 王**: the operator needs to greet them, a list needs no more. */
const maskName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

export const toQuestion = (q: QuestionRow): SurveyQuestion => ({
  id: q.id,
  position: q.position,
  kind: q.kind,
  text: q.text,
  options: JSON.parse(q.options) as string[],
  required: q.required === 1,
});

export const toSurveySummary = (s: SurveyRow, names: ReadonlyMap<string, string>): SurveySummary => ({
  id: s.id,
  regionCode: s.region_code,
  regionName: names.get(s.region_code) ?? s.region_code,
  title: s.title,
  anonymous: s.anonymous === 1,
  source: s.source,
  status: s.status,
  sampleSize: s.sample_size,
  createdAt: new Date(s.created_at).toISOString(),
});

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

export function toSurveyDetail(detail: {
  survey: SurveyRow;
  questions: QuestionRow[];
  strata: StratumRow[];
  names: ReadonlyMap<string, string>;
}): SurveyDetail {
  const { survey: s, names } = detail;
  return {
    ...toSurveySummary(s, names),
    description: s.description,
    periodFrom: s.period_from,
    periodTo: s.period_to,
    reservePercent: s.reserve_percent,
    contactWindowDays: s.contact_window_days,
    seed: s.seed,
    satisfactionQuestionId: s.satisfaction_question_id,
    drawnAt: iso(s.drawn_at),
    closedAt: iso(s.closed_at),
    capped: s.capped,
    questions: detail.questions.map(toQuestion),
    strata: detail.strata.map((st) => ({
      regionCode: st.region_code,
      regionName: names.get(st.region_code) ?? st.region_code,
      population: st.population,
      quota: st.quota,
      reserves: st.reserves,
      reservesUsed: st.reservesUsed,
      answered: st.answered,
    })),
  };
}

export function toSampleRow(ctx: ServiceContext, r: SampleListRow): SampleRow {
  const enc = r.person_phone_enc ?? r.order_phone_enc;
  return {
    id: r.id,
    stratumCode: r.stratum_code,
    position: r.position,
    reserve: r.reserve === 1,
    status: r.status,
    name: maskName(r.person_name ?? r.order_contact_name ?? ''),
    phone: enc ? maskPhone(ctx.crypto.decrypt('person.phone', enc)) : null,
    personId: r.person_id,
    workOrderId: r.work_order_id,
    workOrderNumber: r.order_number,
    texted: r.texted === 1,
    outcomeOn: r.outcome_on,
  };
}

export const toPortalSurvey = (s: SurveyRow, questions: QuestionRow[]): PortalSurvey => ({
  id: s.id,
  title: s.title,
  description: s.description,
  anonymous: s.anonymous === 1,
  questions: questions.map(toQuestion),
});
