import type { RegionResult, SurveyRanking, SurveyResults } from '../../../shared/api/surveys.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { childLengthOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { regionsRepository } from '../regions/index.js';
import { responsesRepository } from './responses.repository.js';
import { surveysRepository } from './surveys.repository.js';
import type { SurveysService } from './surveys.service.js';
import { wilson } from './wilson.js';

/**
 * In an anonymous survey a region with fewer answers than this shows its count but no share: with
 * one or two answers, knowing who answered there would tell what they answered.
 */
export const SMALL_CELL = 3;
const DAY_MS = 86_400_000;

interface Tally {
  n: number;
  satisfied: number;
}

/** Results of a survey per region (rolled up the tree from its grids) and the ranking of a city's districts. */
export class SurveyResultsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly surveys: SurveysService,
  ) {}

  async results(scope: Scope, id: string, region?: string): Promise<SurveyResults> {
    const survey = await this.surveys.inScope(scope, id);
    const root = region ?? survey.region_code;
    const narrowed = scope.filteredTo(root);
    const { db } = this.ctx.database;
    const [strata, distribution, answered, responses, questions] = await Promise.all([
      responsesRepository.satisfactionByStratum(db, narrowed, id),
      responsesRepository.distribution(db, narrowed, id),
      responsesRepository.answeredPerQuestion(db, narrowed, id),
      responsesRepository.responses(db, narrowed, id),
      surveysRepository.questions(db, id),
    ]);
    // Roll the grids up: the asked region holds them all, each child its own subtree.
    const childLength = childLengthOf(root);
    const total: Tally = { n: 0, satisfied: 0 };
    const children = new Map<string, Tally>();
    for (const s of strata) {
      const n = Number(s.n);
      const satisfied = Number(s.satisfied ?? 0);
      total.n += n;
      total.satisfied += satisfied;
      if (childLength === undefined || s.region_code.length < childLength) continue;
      const code = s.region_code.slice(0, childLength);
      const tally = children.get(code) ?? { n: 0, satisfied: 0 };
      tally.n += n;
      tally.satisfied += satisfied;
      children.set(code, tally);
    }
    const names = await regionsRepository.namesOf(db, [root, ...children.keys()]);
    const small = survey.anonymous === 1 ? SMALL_CELL : 0;
    const resultOf = (code: string, tally: Tally): RegionResult => ({
      regionCode: code,
      name: names.get(code) ?? code,
      n: tally.n,
      satisfied: tally.n < small ? 0 : tally.satisfied,
      interval: tally.n < small ? { share: null, low: null, high: null } : wilson(tally.satisfied, tally.n),
    });
    const counts = new Map(distribution.map((d) => [`${d.question_id}:${d.choice}`, Number(d.n)]));
    const answeredBy = new Map(answered.map((a) => [a.question_id, Number(a.n)]));
    const hidden = responses < small;
    return {
      surveyId: id,
      responses,
      region: resultOf(root, total),
      children: [...children.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, t]) => resultOf(code, t)),
      questions: questions.map((q) => {
        const labels =
          q.kind === 'scale'
            ? ['1', '2', '3', '4', '5']
            : q.kind === 'text'
              ? []
              : (JSON.parse(q.options) as string[]);
        const choiceOf = (i: number) => (q.kind === 'scale' ? i + 1 : i);
        return {
          questionId: q.id,
          kind: q.kind,
          text: q.text,
          answered: hidden ? 0 : (answeredBy.get(q.id) ?? 0),
          counts: hidden
            ? []
            : labels.map((label, i) => ({ label, count: counts.get(`${q.id}:${choiceOf(i)}`) ?? 0 })),
        };
      }),
    };
  }

  /**
   * The districts of a city (the first four digits of their codes) inside the caller's scope,
   * ranked by the satisfied share of their closed surveys' satisfaction answers in the period
   * (closed within it; the last 365 days by default), ties by the interval's lower bound.
   */
  async ranking(scope: Scope, city: string, from?: string, to?: string): Promise<SurveyRanking> {
    if (!scope.roots.some((root) => root.startsWith(city) || city.startsWith(root)))
      throw notFound('region.not_found', { code: city });
    const now = this.ctx.now();
    const toDay = to ?? beijingDate(now);
    const fromDay = from ?? beijingDate(new Date(now.getTime() - 365 * DAY_MS));
    const start = new Date(`${fromDay}T00:00:00+08:00`).toISOString();
    const end = new Date(Date.parse(`${toDay}T00:00:00+08:00`) + DAY_MS).toISOString();
    const { db } = this.ctx.database;
    const rows = await responsesRepository.byDistrict(db, scope, city, start, end);
    const names = await regionsRepository.namesOf(
      db,
      rows.map((r) => r.district_code),
    );
    const ranked = rows
      .map((r) => {
        const n = Number(r.n);
        const satisfied = Number(r.satisfied ?? 0);
        return {
          regionCode: r.district_code,
          name: names.get(r.district_code) ?? r.district_code,
          n,
          satisfied,
          interval: wilson(satisfied, n),
          surveys: Number(r.surveys),
        };
      })
      .sort(
        (a, b) =>
          (b.interval.share ?? -1) - (a.interval.share ?? -1) ||
          (b.interval.low ?? -1) - (a.interval.low ?? -1) ||
          (a.regionCode < b.regionCode ? -1 : 1),
      );
    return { city, rows: ranked.map((r, i) => ({ ...r, rank: i + 1 })) };
  }
}
