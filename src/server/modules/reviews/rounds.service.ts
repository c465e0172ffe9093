import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  addEvaluatorBody,
  CreateRoundBody,
  reportBody,
  ScoresBody,
} from '../../../shared/api/reviews.js';
import { districtOf } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { usersRepository } from '../users/index.js';
import { liveFigures, settingsOf, type UnitFigures } from './review-figures.js';
import { toCenti } from './review-scoring.js';
import { type RoundRow, reviewsRepository as repo, type UnitRow } from './reviews.repository.js';

/** The region kinds a round reviews: the level below a district, a street or a community. */
const UNIT_KINDS = new Set(['street', 'town', 'community', 'village', 'grid']);

/** 述职评议: rounds, evaluators, reports, scores, closing (which freezes) and publishing. */
export class ReviewRoundsService {
  constructor(private readonly ctx: ServiceContext) {}

  private check(input: CreateRoundBody): void {
    if (!input.fromMonth.startsWith(`${input.year}-`)) throw fieldError('fromMonth', 'review.period_year');
    if (!input.toMonth.startsWith(`${input.year}-`)) throw fieldError('toMonth', 'review.period_year');
    if (input.toMonth < input.fromMonth) throw fieldError('toMonth', 'review.period_order');
    const ids = input.rubric.map((item) => item.id);
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0) throw fieldError(`rubric.${twice}.id`, 'review.item_duplicate');
    const sum = (weights: Record<string, number>) => Object.values(weights).reduce((a, b) => a + b, 0);
    if (sum(input.groupWeights) === 0) throw fieldError('groupWeights', 'review.weights_zero');
    if (input.kpiWeight > 0 && sum(input.kpiWeights) === 0)
      throw fieldError('kpiWeights', 'review.weights_zero');
    if (input.rubricWeight + input.kpiWeight === 0) throw fieldError('rubricWeight', 'review.weights_zero');
  }

  async create(scope: Scope, input: CreateRoundBody, actor: AuditActor): Promise<string> {
    this.check(input);
    const { db } = this.ctx.database;
    const region = await regionsRepository.findInScope(db, scope, input.regionCode);
    // The same refusal for a region outside the scope as for one that does not exist (no oracle).
    if (!region) throw fieldError('regionCode', 'review.unknown_region');
    const children = (await regionsRepository.children(db, region.code)).filter((r) =>
      UNIT_KINDS.has(r.kind),
    );
    if (children.length === 0) throw fieldError('regionCode', 'review.region_no_units');
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    const district = districtOf(region.code);
    await db.transaction().execute(async (trx) => {
      await repo.insertRound(trx, {
        id,
        district_code: district,
        region_code: region.code,
        name: input.name,
        year: input.year,
        from_month: input.fromMonth,
        to_month: input.toMonth,
        rubric: JSON.stringify(input.rubric),
        group_weights: JSON.stringify(input.groupWeights),
        kpi_weights: JSON.stringify(input.kpiWeights),
        rubric_weight: input.rubricWeight,
        kpi_weight: input.kpiWeight,
        status: 'open',
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        closed_at: null,
        published_at: null,
      });
      await repo.insertUnits(
        trx,
        children.map((child) => ({
          id: uuidv7(),
          district_code: district,
          round_id: id,
          region_code: child.code,
          name: child.name,
          report: null,
          report_by: null,
          report_by_name: null,
          report_at: null,
          kpis: null,
          rubric_centi: null,
          kpi_centi: null,
          total_centi: null,
          rank: null,
        })),
      );
      await this.ctx.audit.append(trx, actor, {
        action: 'review.round_created',
        targetType: 'review_round',
        targetId: id,
        regionCode: region.code,
        summary: { name: input.name, year: input.year, units: children.length },
      });
    });
    return id;
  }

  list(scope: Scope, filter: { region?: string | undefined; year?: number | undefined }) {
    const narrowed = filter.region ? scope.filteredTo(filter.region) : scope;
    return repo.listRounds(this.ctx.database.db, narrowed, filter);
  }

  async roundOf(scope: Scope, id: string): Promise<RoundRow> {
    const round = await repo.roundInScope(this.ctx.database.db, scope, id);
    if (!round) throw notFound('review.round_not_found');
    return round;
  }

  /**
   * A round with its units: an open round's figures are computed now; a closed one's are read
   * from the units' rows, copied there at close, and never computed again.
   */
  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const round = await repo.roundReadable(db, scope, id);
    if (!round) throw notFound('review.round_not_found');
    const [units, evaluators] = await Promise.all([repo.units(db, id), repo.evaluators(db, id)]);
    const scores = await repo.scores(db, id);
    const scoredBy = new Map<string, Set<string>>();
    for (const s of scores)
      scoredBy.set(s.unit_id, (scoredBy.get(s.unit_id) ?? new Set()).add(s.evaluator_id));
    const figures: UnitFigures[] | undefined =
      round.status === 'open'
        ? await liveFigures(this.ctx.database.db, this.ctx.database.dialect, round, units, evaluators, scores)
        : undefined;
    const all =
      figures ??
      units.map((unit) => ({ unit, frozen: true as const, scoredBy: scoredBy.get(unit.id)?.size ?? 0 }));
    // A reviewed unit (its scope covers a unit, not the round's region) sees only its own row and
    // not who evaluates until the round is published: peers' live scores are not theirs to watch.
    const holder = scope.includes(round.region_code);
    const published = round.published_at !== null;
    return {
      round,
      regionName: await repo.regionName(db, round.region_code),
      evaluators: holder || published ? evaluators : [],
      units: holder || published ? all : all.filter((entry) => scope.includes(entry.unit.region_code)),
    };
  }

  private async openRoundInScope(scope: Scope, id: string): Promise<RoundRow> {
    const round = await this.roundOf(scope, id);
    if (round.status !== 'open') throw conflict('review.round_not_open');
    return round;
  }

  async addEvaluator(scope: Scope, id: string, input: z.output<typeof addEvaluatorBody>, actor: AuditActor) {
    const round = await this.openRoundInScope(scope, id);
    const { db } = this.ctx.database;
    // Evaluators come from the whole district: leaders of the level above, members and residents'
    // representatives of the units reviewed.
    const user = await usersRepository.findInScope(
      db,
      new Scope([round.district_code], scope.dialect),
      input.userId,
    );
    if (user?.status !== 'active') throw fieldError('userId', 'review.unknown_user');
    await db.transaction().execute(async (trx) => {
      if (await repo.evaluatorOf(trx, id, input.userId))
        throw fieldError('userId', 'review.evaluator_duplicate');
      await repo.insertEvaluator(trx, {
        id: uuidv7(),
        district_code: round.district_code,
        round_id: id,
        user_id: user.id,
        user_name: user.display_name,
        evaluator_group: input.group,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'review.evaluator_added',
        targetType: 'review_round',
        targetId: id,
        regionCode: round.region_code,
        summary: { userId: user.id, group: input.group },
      });
    });
  }

  /** The unit's report, by whoever holds review.write over the unit (its own secretary). */
  async submitReport(scope: Scope, unitId: string, input: z.output<typeof reportBody>, actor: AuditActor) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const unit = await repo.unitInScope(trx, scope, unitId);
      if (!unit) throw notFound('review.unit_not_found');
      await this.holdOpen(trx, unit);
      const now = this.ctx.now().toISOString();
      await repo.updateUnit(trx, unitId, {
        report: input.report,
        report_by: actor.id,
        report_by_name: actor.name,
        report_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'review.report_submitted',
        targetType: 'review_unit',
        targetId: unitId,
        regionCode: unit.region_code,
        summary: { roundId: unit.round_id, length: input.report.length },
      });
    });
  }

  /**
   * Takes the round's row for the change, refusing a round no longer open: on PostgreSQL a close
   * waits for the change (and the change for a close), so nothing is written into a frozen round.
   */
  private async holdOpen(trx: Parameters<typeof repo.updateOpenRound>[0], unit: UnitRow): Promise<void> {
    const open = await repo.updateOpenRound(trx, unit.round_id, { updated_at: this.ctx.now().toISOString() });
    if (!open) throw conflict('review.round_not_open');
  }

  /**
   * An evaluator's scores of one unit, every item of the rubric at once (a second sheet replaces
   * the first). A unit of a round the caller does not evaluate does not exist for them (404).
   */
  async score(userId: string, unitId: string, input: ScoresBody, actor: AuditActor) {
    const { db } = this.ctx.database;
    const unit = await repo.unitUnscoped(db, unitId);
    const evaluator = unit ? await repo.evaluatorOf(db, unit.round_id, userId) : undefined;
    if (!unit || !evaluator) throw notFound('review.unit_not_found');
    // Unscoped: the caller was just found to be this round's evaluator.
    const round = (await repo.roundUnscoped(db, unit.round_id))!;
    const { rubric } = settingsOf(round);
    const seen = new Set<string>();
    input.scores.forEach((entry, i) => {
      const item = rubric.find((it) => it.id === entry.itemId);
      if (!item || seen.has(entry.itemId)) throw fieldError(`scores.${i}.itemId`, 'review.unknown_item');
      if (entry.score > item.max) throw fieldError(`scores.${i}.score`, 'review.score_range');
      seen.add(entry.itemId);
    });
    if (seen.size !== rubric.length) throw fieldError('scores', 'review.items_missing');
    await db.transaction().execute(async (trx) => {
      await this.holdOpen(trx, unit);
      const now = this.ctx.now().toISOString();
      await repo.replaceScores(
        trx,
        unitId,
        evaluator.id,
        input.scores.map((entry) => ({
          id: uuidv7(),
          district_code: unit.district_code,
          round_id: unit.round_id,
          unit_id: unitId,
          evaluator_id: evaluator.id,
          item_id: entry.itemId,
          score: entry.score,
          updated_at: now,
        })),
      );
      await this.ctx.audit.append(trx, actor, {
        action: 'review.scored',
        targetType: 'review_unit',
        targetId: unitId,
        regionCode: unit.region_code,
        summary: { roundId: unit.round_id, points: input.scores.reduce((s, e) => s + e.score, 0) },
      });
    });
  }

  /**
   * Closes the round: computes every unit's KPIs, scores and rank once and copies them into the
   * units' rows, in the transaction that marks the round closed. From then on nothing recomputes
   * them, whatever later happens to the orders, visits or hours they were counted from.
   */
  async close(scope: Scope, id: string, actor: AuditActor): Promise<void> {
    await this.openRoundInScope(scope, id);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const now = this.ctx.now().toISOString();
      const closed = await repo.updateOpenRound(trx, id, {
        status: 'closed',
        closed_at: now,
        updated_at: now,
      });
      if (!closed) throw conflict('review.round_not_open');
      const round = (await repo.roundUnscoped(trx, id))!;
      const [units, evaluators, scores] = await Promise.all([
        repo.units(trx, id),
        repo.evaluators(trx, id),
        repo.scores(trx, id),
      ]);
      const figures = await liveFigures(trx, this.ctx.database.dialect, round, units, evaluators, scores);
      for (const figure of figures)
        await repo.updateUnit(trx, figure.unit.id, {
          kpis: JSON.stringify(figure.kpis),
          rubric_centi: toCenti(figure.rubric),
          kpi_centi: toCenti(figure.kpi),
          total_centi: toCenti(figure.total),
          rank: figure.rank,
        });
      await this.ctx.audit.append(trx, actor, {
        action: 'review.round_closed',
        targetType: 'review_round',
        targetId: id,
        regionCode: round.region_code,
        summary: { units: figures.length, first: figures[0]?.unit.region_code ?? null },
      });
    });
  }

  async publish(scope: Scope, id: string, actor: AuditActor): Promise<void> {
    const round = await this.roundOf(scope, id);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const now = this.ctx.now().toISOString();
      if (!(await repo.publish(trx, id, now))) throw conflict('review.round_not_closed');
      await this.ctx.audit.append(trx, actor, {
        action: 'review.round_published',
        targetType: 'review_round',
        targetId: id,
        regionCode: round.region_code,
      });
    });
  }

  /** The open rounds the user evaluates, each with its units and the user's own scores so far. */
  async assignments(userId: string) {
    const { db } = this.ctx.database;
    const rounds = await repo.openRoundsOfEvaluator(db, userId);
    return Promise.all(
      rounds.map(async (round) => {
        const [units, own] = await Promise.all([
          repo.units(db, round.id),
          repo.scoresOfEvaluator(db, round.evaluator_id),
        ]);
        return { round, group: round.evaluator_group, units, own };
      }),
    );
  }
}
