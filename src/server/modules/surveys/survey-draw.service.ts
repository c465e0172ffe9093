import { v7 as uuidv7 } from 'uuid';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { enqueueNotification } from '../notifications/index.js';
import { allocate } from './allocation.js';
import { type Candidate, type DrawFilter, drawRepository } from './draw.repository.js';
import { drawKey, SmallestKeys } from './draw-order.js';
import { sampleRepository } from './sample.repository.js';
import type { SurveyRow } from './surveys.repository.js';
import { surveysRepository } from './surveys.repository.js';
import type { SurveysService } from './surveys.service.js';
import type { SurveySampleTable, SurveyStratumTable } from './surveys.tables.js';

const DAY_MS = 86_400_000;
/** The instant a Beijing calendar day begins. */
const beijingStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Draws a survey's sample: strata by grid, a quota each by proportional allocation (at least one
 * per grid with people), reserves after the quota, every stratum ranked by the survey's seed
 * (draw-order.ts), so the same seed on the same register draws the same people. Reads outside the
 * write transaction (a grid's ids at a time), then writes strata, rows and the survey's new status
 * in one transaction that only a draft survey passes.
 */
export class SurveyDrawService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly surveys: SurveysService,
  ) {}

  private filterOf(survey: SurveyRow): DrawFilter {
    const now = this.ctx.now();
    const today = beijingDate(now);
    return {
      dialect: this.ctx.database.dialect,
      regionCode: survey.region_code,
      adultBornBy: `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`,
      closedFrom: survey.period_from ? beijingStart(survey.period_from) : null,
      closedTo: survey.period_to ? beijingStart(nextDay(survey.period_to)) : null,
      contactedSince:
        survey.contact_window_days > 0
          ? new Date(now.getTime() - survey.contact_window_days * DAY_MS).toISOString()
          : null,
    };
  }

  async draw(scope: Scope, id: string, actor: AuditActor): Promise<void> {
    const survey = await this.surveys.inScope(scope, id);
    if (survey.status !== 'draft') throw conflict('survey.not_draft');
    const { db } = this.ctx.database;
    const filter = this.filterOf(survey);
    const orders = survey.source === 'work_orders';
    const count = (capped: boolean) =>
      orders
        ? drawRepository.orderStrata(db, filter, capped)
        : drawRepository.residentStrata(db, filter, capped);
    const [strata, uncapped] = await Promise.all([count(true), count(false)]);
    const total = (rows: { population: number }[]) => rows.reduce((sum, r) => sum + Number(r.population), 0);
    const populations = strata.map((s) => ({ code: s.code, population: Number(s.population) }));
    if (total(populations) === 0) throw conflict('survey.nobody_to_draw');
    const allocation = allocate(populations, survey.sample_size, survey.reserve_percent);
    if ('tooSmall' in allocation)
      throw fieldError('sampleSize', 'survey.sample_too_small', { strata: allocation.tooSmall });
    if ('tooLarge' in allocation)
      throw fieldError('sampleSize', 'survey.sample_too_large', { population: allocation.tooLarge });

    const now = this.ctx.now().toISOString();
    const rows: SurveySampleTable[] = [];
    const strataRows: SurveyStratumTable[] = [];
    // One resident is asked once per survey, even when several of their orders closed in the period.
    const drawnPeople = new Set<string>();
    for (const stratum of allocation) {
      const candidates = orders
        ? await drawRepository.ordersOf(db, filter, stratum.code)
        : await drawRepository.residentsOf(db, filter, stratum.code);
      const picked = this.pick(survey.seed, candidates, stratum.quota + stratum.reserves, drawnPeople);
      const quota = Math.min(stratum.quota, picked.length);
      picked.forEach((c, i) => {
        const reserve = i >= quota;
        rows.push({
          id: uuidv7(),
          district_code: survey.district_code,
          survey_id: survey.id,
          region_code: c.region_code,
          stratum_code: stratum.code,
          position: i + 1,
          reserve: reserve ? 1 : 0,
          person_id: c.person_id,
          work_order_id: orders ? c.id : null,
          phone_bidx: c.phone_bidx,
          status: reserve ? 'reserve' : 'waiting',
          contacted_at: reserve ? null : now,
          texted: 0,
          outcome_on: null,
        });
      });
      strataRows.push({
        district_code: survey.district_code,
        survey_id: survey.id,
        region_code: stratum.code,
        population: stratum.population,
        quota,
        reserves: picked.length - quota,
      });
    }
    const capped = total(uncapped.map((u) => ({ population: Number(u.population) }))) - total(populations);
    await db.transaction().execute(async (trx) => {
      const changed = await surveysRepository.updateFrom(trx, survey.id, 'draft', {
        status: 'open',
        drawn_at: now,
        capped,
        updated_at: now,
      });
      if (!changed) throw conflict('survey.not_draft');
      await surveysRepository.insertStrata(trx, strataRows);
      await drawRepository.insertSample(trx, rows);
      await this.ctx.audit.append(trx, actor, {
        action: 'survey.drawn',
        targetType: 'survey',
        targetId: survey.id,
        regionCode: survey.region_code,
        summary: {
          sample: strataRows.reduce((sum, s) => sum + s.quota, 0),
          reserves: strataRows.reduce((sum, s) => sum + s.reserves, 0),
          strata: strataRows.length,
          capped,
          seed: survey.seed,
        },
      });
    });
  }

  /** The first `k` of the stratum in the seed's order, skipping anybody already drawn. */
  private pick(seed: string, candidates: Candidate[], k: number, drawn: Set<string>): Candidate[] {
    const ranked = new SmallestKeys<Candidate & { key: string }>(Math.min(candidates.length, k * 2 + 8));
    for (const c of candidates) ranked.offer({ ...c, key: drawKey(seed, c.id) });
    const picked: Candidate[] = [];
    for (const c of ranked.sorted) {
      if (picked.length === k) break;
      const who = c.person_id ?? c.phone_bidx;
      if (who && drawn.has(who)) continue;
      if (who) drawn.add(who);
      picked.push(c);
    }
    return picked;
  }

  /**
   * Queues a text to every waiting row not yet sent one that has a number (the register's or the
   * order's contact number): the notifications outbox sends it. The text names the portal; the
   * installation has no public address of its own to link to.
   */
  async text(scope: Scope, id: string, actor: AuditActor): Promise<number> {
    const survey = await this.surveys.inScope(scope, id);
    if (survey.status !== 'open') throw conflict('survey.not_open');
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const targets = await sampleRepository.untexted(trx, survey.id);
      const sent: string[] = [];
      for (const target of targets) {
        const enc = target.person_phone_enc ?? target.order_phone_enc;
        if (!enc) continue;
        await enqueueNotification(this.ctx, trx, {
          districtCode: target.district_code,
          recipient: { phone: this.ctx.crypto.decrypt('person.phone', enc) },
          template: 'survey_invitation',
          params: { title: survey.title.slice(0, 40) },
        });
        sent.push(target.id);
      }
      await sampleRepository.markTexted(trx, sent);
      await this.ctx.audit.append(trx, actor, {
        action: 'survey.texted',
        targetType: 'survey',
        targetId: survey.id,
        regionCode: survey.region_code,
        summary: { queued: sent.length },
      });
      return sent.length;
    });
  }
}
