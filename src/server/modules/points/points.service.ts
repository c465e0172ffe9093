import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  type LedgerRow as LedgerRowDto,
  type MemberPoints,
  type manualPointsBody,
  POINTS_LEDGER_KINDS,
  type PointsLedgerKind,
  type PointsRanking,
} from '../../../shared/api/points.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { organizationsRepository } from '../organizations/index.js';
import { type LedgerRow, pointsRepository as repo } from './points.repository.js';

const zeroByKind = (): Record<PointsLedgerKind, number> =>
  Object.fromEntries(POINTS_LEDGER_KINDS.map((kind) => [kind, 0])) as Record<PointsLedgerKind, number>;

const toLedgerRow = (row: LedgerRow): LedgerRowDto => ({
  id: row.id,
  sourceKind: row.source_kind,
  sourceId: row.source_id,
  points: Number(row.points),
  reason: row.reason,
  onDate: row.on_date,
  createdAt: row.created_at,
});

/** 党员积分: a member's ledger (their own, or in a staff member's scope), an organization's ranking, manual rows. */
export class PointsService {
  constructor(private readonly ctx: ServiceContext) {}

  private async ledgerOf(member: { id: string }, year: number): Promise<MemberPoints> {
    const { db } = this.ctx.database;
    const [named, rows] = await Promise.all([
      organizationsRepository.memberName(db, member.id),
      repo.ofMember(db, member.id, year),
    ]);
    const byKind = zeroByKind();
    for (const row of rows) byKind[row.source_kind] += Number(row.points);
    return {
      memberId: member.id,
      name: named?.name ?? '',
      year,
      total: Object.values(byKind).reduce((sum, value) => sum + value, 0),
      byKind,
      rows: rows.map(toLedgerRow),
    };
  }

  /** The signed-in account's own points (404 when it is linked to no member). */
  async own(userId: string, year: number): Promise<MemberPoints> {
    const member = await organizationsRepository.memberOfUser(this.ctx.database.db, userId);
    if (!member) throw notFound('points.not_a_member');
    return this.ledgerOf(member, year);
  }

  /** A member's points in the caller's scope (404 outside it). */
  async ofMember(scope: Scope, memberId: string, year: number): Promise<MemberPoints> {
    const member = await organizationsRepository.findMemberInScope(this.ctx.database.db, scope, memberId);
    if (!member) throw notFound('member.not_found');
    return this.ledgerOf(member, year);
  }

  /**
   * A secretary's award or deduction, with its reason, in the current Beijing year: one ledger row
   * of its own (its source is the row itself) and its audit row, in one transaction.
   */
  async award(
    scope: Scope,
    memberId: string,
    input: z.output<typeof manualPointsBody>,
    actor: AuditActor,
  ): Promise<MemberPoints> {
    const { db } = this.ctx.database;
    const member = await organizationsRepository.findMemberInScope(db, scope, memberId);
    if (!member) throw notFound('member.not_found');
    const now = this.ctx.now();
    const today = beijingDate(now);
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      await repo.insertOne(trx, {
        id,
        district_code: member.district_code,
        region_code: member.region_code,
        member_id: member.id,
        source_kind: 'manual',
        source_id: id,
        points: input.points,
        reason: input.reason,
        on_date: today,
        year: Number(today.slice(0, 4)),
        created_by: actor.id,
        created_at: now.toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: input.points > 0 ? 'points.awarded' : 'points.deducted',
        targetType: 'member',
        targetId: member.id,
        regionCode: member.region_code,
        summary: { points: input.points, reason: input.reason, row: id },
      });
    });
    return this.ledgerOf(member, Number(today.slice(0, 4)));
  }

  /** An organization's members ranked by their points of a year (404 outside the caller's scope). */
  async ranking(scope: Scope, organizationId: string, year: number): Promise<PointsRanking> {
    const { db } = this.ctx.database;
    const organization = await organizationsRepository.findInScope(db, scope, organizationId);
    if (!organization) throw notFound('organization.not_found');
    const members = await organizationsRepository.membersOf(db, organizationId);
    const [sums, accruedAt] = await Promise.all([
      repo.sumsOf(
        db,
        members.map((m) => m.id),
        year,
      ),
      repo.lastRun(db, organization.district_code, year),
    ]);
    const byMember = new Map<string, Record<PointsLedgerKind, number>>();
    for (const sum of sums) {
      const kinds = byMember.get(sum.member_id) ?? zeroByKind();
      kinds[sum.source_kind] += sum.points;
      byMember.set(sum.member_id, kinds);
    }
    const rows = members
      .map((m) => {
        const byKind = byMember.get(m.id) ?? zeroByKind();
        return {
          memberId: m.id,
          name: m.person_status === 'anonymized' ? '' : m.person_name,
          total: Object.values(byKind).reduce((s, v) => s + v, 0),
          byKind,
        };
      })
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
    // Sorted by total: equal totals share the rank of the first of them (1, 2, 2, 4).
    let rank = 0;
    const ranked = rows.map((row, i) => {
      if (i === 0 || rows[i - 1]!.total !== row.total) rank = i + 1;
      return { ...row, rank };
    });
    return {
      organizationId,
      organizationName: organization.name,
      year,
      accruedAt,
      rows: ranked,
    };
  }
}
