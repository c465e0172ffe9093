import { DUES_ARREARS_MONTHS } from '../../../shared/api/funds.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { enqueueNotification } from '../notifications/index.js';
import { duesRepository } from './dues.repository.js';
import { addMonths, later, monthIndex } from './dues-rules.js';

type ArrearsRow = Awaited<ReturnType<typeof duesRepository.arrears>>[number];

/**
 * Members who have paid nothing for six months or more (counted up to last month: the current month
 * may still be paid), and the alert to their branch secretary. The rules (党章 §8) treat six months
 * unpaid without good reason as leaving the party, so the secretary must talk to them first.
 */
export class ArrearsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Latest paid month before this one means six months (last month and the five before) unpaid. */
  private sinceBefore(): string {
    return addMonths(beijingMonth(this.ctx.now()), -DUES_ARREARS_MONTHS);
  }

  /**
   * The first unpaid month of a member's run of arrears: after their last payment, or when the
   * platform began to keep their dues (their first base), and never before they joined.
   */
  private sinceOf(row: ArrearsRow): string {
    const joined = row.joined_on.slice(0, 7);
    const keptFrom = later(row.kept_from ?? joined, joined);
    return row.last_paid ? later(addMonths(row.last_paid, 1), keptFrom) : keptFrom;
  }

  async list(
    scope: Scope,
    filter: { organizationId?: string | undefined; after?: string | undefined; limit: number },
  ) {
    const rows = await duesRepository.arrears(this.ctx.database.db, scope, {
      ...filter,
      sinceBefore: this.sinceBefore(),
      limit: filter.limit + 1,
    });
    const lastMonth = addMonths(beijingMonth(this.ctx.now()), -1);
    return rows.map((row) => ({
      memberId: row.id,
      name: row.name,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      regionCode: row.region_code,
      lastPaidMonth: row.last_paid,
      unpaidCount: monthIndex(lastMonth) - monthIndex(this.sinceOf(row)) + 1,
    }));
  }

  /**
   * Tells each branch's secretary of its members newly in arrears, once per run of arrears (a member
   * who pays and falls behind again is reported again). Answers how many were reported.
   */
  async notify(
    scope: Scope,
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<{ notified: number; members: number }> {
    const { db } = this.ctx.database;
    let after: string | undefined;
    const fresh = new Map<string, { orgName: string; district: string; rows: ArrearsRow[] }>();
    for (;;) {
      const page = await duesRepository.arrears(db, scope, {
        sinceBefore: this.sinceBefore(),
        after,
        limit: 500,
      });
      for (const row of page) {
        if (await duesRepository.alerted(db, row.id, this.sinceOf(row))) continue;
        const entry = fresh.get(row.organization_id) ?? {
          orgName: row.organization_name,
          district: row.district_code,
          rows: [],
        };
        entry.rows.push(row);
        fresh.set(row.organization_id, entry);
      }
      if (page.length < 500) break;
      after = page.at(-1)!.id;
    }
    let notified = 0;
    let members = 0;
    const at = this.ctx.now().toISOString();
    for (const [organizationId, entry] of fresh) {
      await db.transaction().execute(async (trx) => {
        for (const row of entry.rows)
          await duesRepository.insertAlert(trx, {
            district_code: row.district_code,
            member_id: row.id,
            since_month: this.sinceOf(row),
            alerted_at: at,
          });
        const names =
          entry.rows
            .slice(0, 10)
            .map((r) => r.name)
            .join('、') + (entry.rows.length > 10 ? '等' : '');
        for (const userId of await duesRepository.secretariesOf(trx, organizationId)) {
          await enqueueNotification(this.ctx, trx, {
            districtCode: entry.district,
            recipient: { userId },
            template: 'dues_arrears',
            params: { organization: entry.orgName, count: String(entry.rows.length), names },
          });
          notified += 1;
        }
        await this.ctx.audit.append(trx, actor, {
          action: 'dues.arrears_alerted',
          targetType: 'organization',
          targetId: organizationId,
          regionCode: entry.rows[0]!.region_code,
          summary: { members: entry.rows.map((r) => r.id) },
        });
      });
      members += entry.rows.length;
    }
    return { notified, members };
  }
}

/**
 * The scheduler's hourly run: every district's members newly six months in arrears reported to their
 * secretaries. Safe with several processes: a member's alert row is keyed, so a second process's
 * insert fails and its transaction (with its notification) rolls back.
 */
export async function alertDuesArrears(ctx: ServiceContext): Promise<void> {
  for (const district of await duesRepository.districts(ctx.database.db))
    await new ArrearsService(ctx).notify(new Scope([district], ctx.database.dialect));
}
