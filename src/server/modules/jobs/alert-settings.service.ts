import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type SeekerView, seekersRepository } from './seekers.repository.js';

/**
 * Whether a seeker gets text alerts of new jobs (job-alerts.ts): switched off or on by their case
 * worker on request, or by the seeker on the portal (a resident whose phone was linked to their
 * register entry at sign-in: all their registrations at once). Audited either way.
 */
export class AlertSettingsService {
  constructor(private readonly ctx: ServiceContext) {}

  async setByCaseWorker(scope: Scope, actor: AuditActor, id: string, optOut: boolean): Promise<SeekerView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const seeker = await seekersRepository.findInScope(trx, scope, id);
      if (!seeker) throw notFound('job.seeker_not_found');
      await seekersRepository.setSmsOptOut(trx, id, optOut, this.ctx.now().toISOString());
      await this.ctx.audit.append(trx, actor, {
        action: 'job.sms_opt_out_set',
        targetType: 'job_seeker',
        targetId: id,
        regionCode: seeker.region_code,
        summary: { optOut, by: 'case_worker' },
      });
    });
    return (await seekersRepository.viewUnscoped(db, id))!;
  }

  /** The resident's own setting: registered when they have a registration; opted out when all are. */
  async mine(personId: string | null): Promise<{ registered: boolean; optOut: boolean }> {
    if (!personId) return { registered: false, optOut: false };
    const rows = await seekersRepository.ofPersonAnywhere(this.ctx.database.db, personId);
    return { registered: rows.length > 0, optOut: rows.length > 0 && rows.every((r) => r.sms_opt_out === 1) };
  }

  async setMine(
    personId: string | null,
    actor: AuditActor,
    optOut: boolean,
  ): Promise<{ registered: boolean; optOut: boolean }> {
    if (!personId) throw notFound('job.not_a_seeker');
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const rows = await seekersRepository.ofPersonAnywhere(trx, personId);
      if (rows.length === 0) throw notFound('job.not_a_seeker');
      for (const row of rows) {
        await seekersRepository.setSmsOptOut(trx, row.id, optOut, this.ctx.now().toISOString());
        await this.ctx.audit.append(trx, actor, {
          action: 'job.sms_opt_out_set',
          targetType: 'job_seeker',
          targetId: row.id,
          regionCode: row.region_code,
          summary: { optOut, by: 'seeker' },
        });
      }
    });
    return this.mine(personId);
  }
}
