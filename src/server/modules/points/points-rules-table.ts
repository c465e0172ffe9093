import { POINTS_SOURCE_KINDS, type PointsRule, type PointsRules } from '../../../shared/api/points.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { DomainError, fieldError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { pointsRepository as repo } from './points.repository.js';
import { completeRules, DEFAULT_POINTS_RULES } from './points-rules.js';

/** A district's rule table: its own rows, or the defaults while it has none. */
export async function pointsRulesOf(db: Executor, districtCode: string): Promise<PointsRules> {
  const rows = await repo.rules(db, districtCode);
  if (rows.length === 0) return { districtCode, rules: completeRules(DEFAULT_POINTS_RULES), changedAt: null };
  const rules: PointsRule[] = rows
    .filter((row) => (POINTS_SOURCE_KINDS as readonly string[]).includes(row.source_kind))
    .map((row) => ({
      sourceKind: row.source_kind,
      points: Number(row.points),
      yearlyCap: Number(row.yearly_cap),
      active: Number(row.active) === 1,
    }));
  const changedAt =
    rows
      .map((row) => row.changed_at)
      .sort()
      .at(-1) ?? null;
  return { districtCode, rules: completeRules(rules), changedAt };
}

/**
 * Replaces a district's rule table (kinds not named are switched off), audited with before and
 * after. Only whoever holds points.manage over the whole district (403 otherwise): a street's or
 * community's secretary reads the rules but does not set them.
 */
export async function changePointsRules(
  ctx: ServiceContext,
  scope: Scope,
  districtCode: string,
  rules: readonly PointsRule[],
  actor: AuditActor,
): Promise<PointsRules> {
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.sourceKind)) throw fieldError(`rules.${i}.sourceKind`, 'points.rule_duplicate');
    seen.add(rule.sourceKind);
  });
  if (!scope.coversSubtree(districtCode)) throw new DomainError('points.district_wide', 403);
  const now = ctx.now().toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await pointsRulesOf(trx, districtCode);
    const after = completeRules(rules);
    await repo.replaceRules(
      trx,
      districtCode,
      after.map((rule) => ({
        district_code: districtCode,
        source_kind: rule.sourceKind,
        points: rule.points,
        yearly_cap: rule.yearlyCap,
        active: rule.active ? 1 : 0,
        changed_by: actor.id,
        changed_at: now,
      })),
    );
    await ctx.audit.append(trx, actor, {
      action: 'points.rules_changed',
      targetType: 'points_rules',
      targetId: districtCode,
      regionCode: districtCode,
      summary: { before: before.rules, after },
    });
  });
  return pointsRulesOf(ctx.database.db, districtCode);
}
