import type { ServiceContext } from '../../services.js';
import type { CatalogueCache } from '../catalogue/index.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveyDrawService } from './survey-draw.service.js';
import { SurveyResultsService } from './survey-results.service.js';
import { SurveysService } from './surveys.service.js';

/** The module's services, built once for its routes. */
export interface SurveyServices {
  surveys: SurveysService;
  draws: SurveyDrawService;
  answers: SurveyAnswersService;
  results: SurveyResultsService;
}

/** `catalogue` is the work orders' (an unsatisfied answer reopens an order with its category's deadline). */
export function surveyServices(ctx: ServiceContext, catalogue: CatalogueCache): SurveyServices {
  const surveys = new SurveysService(ctx);
  return {
    surveys,
    draws: new SurveyDrawService(ctx, surveys),
    answers: new SurveyAnswersService(ctx, catalogue),
    results: new SurveyResultsService(ctx, surveys),
  };
}
