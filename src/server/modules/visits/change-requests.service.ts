import { maskPhone } from '../../../shared/validators/index.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { PersonsService } from '../register/index.js';
import {
  type ChangeRequestRow,
  type ChangeRequestView,
  changeRequestsRepository,
} from './change-requests.repository.js';

/**
 * Register changes seen on a visit (moved out, new phone, a death, a new tag) wait here until the
 * community confirms them; a visit never edits the register. Confirming applies the change through
 * the register's own services (their checks and audit rows) in the transaction that marks the
 * request decided.
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
    return pageById(query, (after, limit) =>
      changeRequestsRepository.list(this.ctx.database.db, within, query.status, after, limit),
    );
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
    // A tag is added to the tags the person has: read them before the change's transaction.
    const scope = principal.scopeFor('person.write');
    const currentTags =
      input.decision === 'confirm' && request.kind === 'new_tag'
        ? await this.persons.get(scope, request.person_id).then(
            (person) => person.tags,
            (error: unknown) => {
              throw personGone(error);
            },
          )
        : [];
    // The register's change, the decision and its audit row commit together: a confirmed request
    // has always changed the register, and a decision that a concurrent one beat changes nothing.
    await db.transaction().execute(async (trx) => {
      const decided = await changeRequestsRepository.decide(trx, id, {
        status: input.decision === 'confirm' ? 'confirmed' : 'rejected',
        by: principal.userId,
        at: this.ctx.now().toISOString(),
        note: input.note,
      });
      if (!decided) throw conflict('visit.change_decided');
      if (input.decision === 'confirm') {
        try {
          await this.applyToRegister(trx, scope, principal, request, currentTags);
        } catch (error) {
          throw personGone(error);
        }
      }
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

  /** What a confirmed request changes in the register, in the decision's transaction. */
  private async applyToRegister(
    trx: Executor,
    scope: Scope,
    principal: Principal,
    request: ChangeRequestRow,
    currentTags: readonly string[],
  ): Promise<void> {
    if (request.kind === 'moved_out' || request.kind === 'death') {
      const status = request.kind === 'death' ? 'deceased' : 'moved_out';
      await this.persons.setStatusWithin(
        trx,
        scope,
        request.person_id,
        status,
        principal.actor,
        `visit:${request.visit_id}`,
      );
    } else if (request.kind === 'new_phone') {
      const phone = this.ctx.crypto.decrypt('person.phone', request.value_enc ?? '');
      await this.persons.correctWithin(trx, scope, request.person_id, { phone }, principal.actor);
    } else if (!currentTags.includes(request.value)) {
      await this.persons.correctWithin(
        trx,
        scope,
        request.person_id,
        { tags: [...currentTags, request.value] },
        principal.actor,
      );
    }
  }
}

/** The person the request is about is gone from the caller's register (404 there): a conflict here. */
function personGone(error: unknown): unknown {
  return error instanceof Error && 'code' in error && error.code === 'person.not_found'
    ? conflict('visit.change_person_gone')
    : error;
}
