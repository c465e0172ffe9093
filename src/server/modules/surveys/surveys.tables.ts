import type {
  AnswerChannel,
  QuestionKind,
  SampleStatus,
  SurveySource,
  SurveyStatus,
} from '../../../shared/api/surveys.js';

/** Row types of the satisfaction surveys' tables (migration 0030). Timestamps are ISO strings. */

export interface SurveyTable {
  id: string;
  district_code: string;
  region_code: string;
  title: string;
  description: string;
  anonymous: number;
  source: SurveySource;
  period_from: string | null;
  period_to: string | null;
  sample_size: number;
  reserve_percent: number;
  contact_window_days: number;
  seed: string;
  satisfaction_question_id: string | null;
  status: SurveyStatus;
  capped: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  drawn_at: string | null;
  closed_at: string | null;
}

export interface SurveyQuestionTable {
  id: string;
  district_code: string;
  survey_id: string;
  position: number;
  kind: QuestionKind;
  text: string;
  options: string;
  required: number;
}

export interface SurveyStratumTable {
  district_code: string;
  survey_id: string;
  region_code: string;
  population: number;
  quota: number;
  reserves: number;
}

export interface SurveySampleTable {
  id: string;
  district_code: string;
  survey_id: string;
  region_code: string;
  stratum_code: string;
  position: number;
  reserve: number;
  person_id: string | null;
  work_order_id: string | null;
  phone_bidx: string | null;
  status: SampleStatus;
  contacted_at: string | null;
  texted: number;
  outcome_on: string | null;
}

export interface SurveyResponseTable {
  id: string;
  district_code: string;
  survey_id: string;
  region_code: string;
  channel: AnswerChannel;
  satisfaction: number | null;
  sample_id: string | null;
}

export interface SurveyAnswerTable {
  district_code: string;
  survey_id: string;
  response_id: string;
  question_id: string;
  choice: number;
  text: string | null;
}

export interface SurveysTables {
  surveys: SurveyTable;
  survey_questions: SurveyQuestionTable;
  survey_strata: SurveyStratumTable;
  survey_sample: SurveySampleTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
}
