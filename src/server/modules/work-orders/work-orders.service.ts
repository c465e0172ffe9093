import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { attachmentsRepository } from '../attachments/index.js';
import { CatalogueCache } from '../catalogue/index.js';
import { recordLookup } from '../register/index.js';
import { visibilityOf, WorkOrderActions } from './actions/work-order-actions.service.js';
import { WorkOrderIntake } from './intake/work-order-intake.service.js';
import { callerLookups, dispatchCandidates } from './work-order-people.repository.js';
import { type ListFilter, workOrdersRepository } from './work-orders.repository.js';

/** The work-order module's entry points, for routes, the scheduler, the portal and Open311. */
export class WorkOrdersService {
  readonly catalogue: CatalogueCache;
  readonly intake: WorkOrderIntake;
  readonly actions: WorkOrderActions;

  constructor(private readonly ctx: ServiceContext) {
    this.catalogue = new CatalogueCache(ctx);
    this.intake = new WorkOrderIntake(ctx, this.catalogue);
    this.actions = new WorkOrderActions(ctx, this.catalogue);
  }

  async detail(principal: Principal, id: string) {
    const { db } = this.ctx.database;
    const order = await workOrdersRepository.view(db, visibilityOf(principal), id);
    if (!order) throw notFound('workorder.not_found');
    const [events, attachments] = await Promise.all([
      workOrdersRepository.events(db, id),
      attachmentsRepository.ofOrder(db, id),
    ]);
    return { order, events, attachments, availableActions: this.actions.available(principal, order) };
  }

  /**
   * Units, staff and members the caller could give this order to. Only for dispatchers: the order's
   * place must lie in their dispatch scope (404 otherwise, as for every record out of scope), and
   * staff and members are listed only inside that scope.
   */
  async dispatchOptions(dispatchScope: Scope, id: string) {
    const { db } = this.ctx.database;
    const order = await workOrdersRepository.view(db, { scope: dispatchScope, userId: null }, id);
    if (!order) throw notFound('workorder.not_found');
    const handler = order.handler_region_code;
    const [units, users, members] = await Promise.all([
      dispatchCandidates.units(db, handler, order.region_code),
      dispatchCandidates.users(db, dispatchScope, handler, order.region_code),
      dispatchCandidates.members(db, dispatchScope, handler),
    ]);
    return { units, users, members };
  }

  list(principal: Principal, filter: ListFilter) {
    const ownUnits =
      filter.view === 'mine'
        ? [
            ...new Set(
              (['workorder.handle', 'workorder.dispatch', 'workorder.supervise'] as const).flatMap(
                (permission) => principal.scopeFor(permission).roots,
              ),
            ),
          ]
        : undefined;
    return workOrdersRepository.list(this.ctx.database.db, visibilityOf(principal), { ...filter, ownUnits });
  }

  similar(
    principal: Principal,
    input: { categoryCode: string; regionCode: string; householdId?: string | undefined },
  ) {
    // A place outside where the caller takes orders does not exist for them: 404, as every region
    // filter answers, rather than an empty list that tells nothing apart.
    principal.scopeFor('workorder.intake').filteredTo(input.regionCode);
    return workOrdersRepository.openSimilar(this.ctx.database.db, visibilityOf(principal), input);
  }

  /** The operator console's first look-up: who is calling (register, by phone) and their orders. */
  /** Who is calling: a look-up by a whole phone number, audited and capped (lookup-guard.ts). */
  async caller(principal: Principal, phone: string) {
    const { db } = this.ctx.database;
    const personScope = principal.scopeFor('person.read');
    await recordLookup(this.ctx, principal.actor, {
      kind: 'phone',
      via: 'caller',
      regionCode: personScope.roots[0] ?? this.ctx.config.districtCode,
    });
    const index = this.ctx.crypto.blindIndex('person.phone', phone);
    const [persons, orders] = await Promise.all([
      callerLookups.personsByPhone(db, personScope, index),
      workOrdersRepository.byContactPhone(db, visibilityOf(principal), index),
    ]);
    return { persons, orders };
  }
}
