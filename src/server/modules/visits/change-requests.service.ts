import { maskPhone } from '../../../shared/validators/index.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { PersonsService } from '../register/index.js';
import { type ChangeRequestView, changeRequestsRepository } from './change-requests.repository.js';

/**
 * Register changes seen on a visit (moved out, new phone, a death, a new tag) wait here until the
 * community confirms them; a visit never edits the register. Confirming applies the change through
 * the register's own services (their checks and audit rows), then marks the request decided.
 */
export class ChangeRequestsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly persons: PersonsService,
  ) {}

  /** What the queue shows: a new phone only masked. */
  shownValue(row: ChangeRequestView): string {
    if (row.kind === 'new_phone' && row.value_enc)
      return maskPhone(this.ctx.crypto.decrypt('person.phone', row.value_enc));
    return row.value;
  }

  async list(
    scope: Scope,
    query: {
      region?: string | undefined;
      status?: ChangeRequestView['status'] | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    const after = decodeCursor(query.cursor, ['text'] as const);
    const rows = await changeRequestsRepository.list(
      this.ctx.database.db,
      within,
      query.status,
      after?.[0],
      query.limit,
    );
    return page(rows, query.limit, (last) => [last.id]);
  }

  async decide(
    principal: Principal,
    id: string,
    input: { decision: 'confirm' | 'reject'; note: string },
  ): Promise<ChangeRequestView> {
    const { db } = this.ctx.database;
    const request = await changeRequestsRepository.findInScope(db, principal.scope, id);
    if (!request) throw notFound('visit.change_not_found');
    if (request.status !== 'pending') throw conflict('visit.change_decided');
    if (input.decision === 'confirm') {
      // Applied first, in the register's own transaction; each change is idempotent (the same
      // status, phone or tag again), so a request that a concurrent decision beat changes nothing more.
      const scope = principal.scopeFor('person.write');
      try {
        if (request.kind === 'moved_out' || request.kind === 'death') {
          const status = request.kind === 'death' ? 'deceased' : 'moved_out';
          await this.persons.setStatus(
            scope,
            request.person_id,
            status,
            principal.actor,
            `visit:${request.visit_id}`,
          );
        } else if (request.kind === 'new_phone') {
          const phone = this.ctx.crypto.decrypt('person.phone', request.value_enc ?? '');
          await this.persons.correct(scope, request.person_id, { phone }, principal.actor);
        } else {
          const current = await this.persons.get(scope, request.person_id);
          if (!current.tags.includes(request.value))
            await this.persons.correct(
              scope,
              request.person_id,
              { tags: [...current.tags, request.value] },
              principal.actor,
            );
        }
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'person.not_found')
          throw conflict('visit.change_person_gone');
        throw error;
      }
    }
    await db.transaction().execute(async (trx) => {
      const decided = await changeRequestsRepository.decide(trx, id, {
        status: input.decision === 'confirm' ? 'confirmed' : 'rejected',
        by: principal.userId,
        at: this.ctx.now().toISOString(),
        note: input.note,
      });
      if (!decided) throw conflict('visit.change_decided');
      await this.ctx.audit.append(trx, principal.actor, {
        action: input.decision === 'confirm' ? 'visit.change_confirmed' : 'visit.change_rejected',
        targetType: 'visit_change_request',
        targetId: id,
        regionCode: request.region_code,
        summary: { kind: request.kind, personId: request.person_id, visitId: request.visit_id },
      });
    });
    return (await changeRequestsRepository.viewUnscoped(db, id))!;
  }
}
