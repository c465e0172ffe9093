import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorResponses,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyHeaders,
  idempotentErrorResponses,
  idParams,
} from '../../../shared/api/common.js';
import {
  actionBody,
  callerMatchSchema,
  callerQuery,
  createWorkOrderBody,
  dispatchOptionsSchema,
  listQuery,
  similarQuery,
  workOrderDetailSchema,
  workOrderListSchema,
  workOrderPageSchema,
  workOrderSchema,
} from '../../../shared/api/work-orders.js';
import { listOrderOf } from '../../../shared/work-orders.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { ageOn } from '../register/index.js';
import { toEventDto, toWorkOrderDto } from './work-orders.dto.js';
import type { WorkOrdersService } from './work-orders.service.js';

/**
 * Work orders: intake, lists, detail with timeline, and every action. Reading and acting are
 * 'authenticated' routes because an order given to a person in their own name (a member) is
 * theirs to see and act on whatever their role; everything else is decided by scope in the
 * service, and an order the caller may not see is a 404.
 */
export const workOrdersRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  workOrders: WorkOrdersService;
}> = async (app, { ctx, workOrders }) => {
  const dto = (order: Parameters<typeof toWorkOrderDto>[1]) => toWorkOrderDto(ctx.crypto, order);

  app.post(
    '/api/work-orders',
    {
      config: { permission: 'workorder.intake' },
      schema: {
        tags: ['work-orders'],
        summary: 'Take a request in (hotline, proxy station, visit): it becomes a work order',
        body: createWorkOrderBody,
        response: { 201: workOrderSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const order = await workOrders.intake.create(
        { kind: 'staff', principal: request.principal },
        request.body,
      );
      return reply.code(201).send(dto(order));
    },
  );

  app.get(
    '/api/work-orders',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['work-orders'],
        summary: 'Orders the caller may see, soonest deadline first (keyset pages)',
        querystring: listQuery,
        response: { 200: workOrderPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { query } = request;
      const after = decodeCursor(query.cursor, ['time', 'text']);
      const view = query.view ?? 'all';
      const order = listOrderOf(view);
      const rows = await workOrders.list(request.principal, {
        view,
        status: query.status,
        categoryCode: query.category,
        regionCode: query.region,
        channel: query.channel,
        householdId: query.household,
        flag: query.flag,
        after: after && { key: after[0], id: after[1] },
        limit: query.limit + 1,
      });
      // The sort key is the deadline, or when the order came in for the newest-first views.
      const { items, nextCursor } = page(rows, query.limit, (last) => [
        order === 'newest' ? last.created_at : last.due_at,
        last.id,
      ]);
      return { items: items.map(dto), nextCursor };
    },
  );

  app.get(
    '/api/work-orders/similar',
    {
      config: { permission: 'workorder.intake' },
      schema: {
        tags: ['work-orders'],
        summary: 'Open orders of the same category for the same household or place (duplicate warning)',
        querystring: similarQuery,
        response: { 200: workOrderListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await workOrders.similar(request.principal, request.query)).map(dto),
    }),
  );

  app.get(
    '/api/work-orders/caller',
    {
      config: { permission: 'workorder.intake' },
      schema: {
        tags: ['work-orders'],
        summary: 'Who is calling: residents with this phone number and orders it reported',
        querystring: callerQuery,
        response: { 200: callerMatchSchema, ...errorResponses },
      },
    },
    async (request) => {
      const found = await workOrders.caller(request.principal, request.query.phone);
      return {
        persons: found.persons.map((p) => ({
          id: p.id,
          name: p.name,
          gender: p.gender,
          age: ageOn(p.birth_date, ctx.now()),
          regionCode: p.region_code,
          householdId: p.household_id,
          address: p.address ?? '',
        })),
        orders: found.orders.map(dto),
      };
    },
  );

  app.get(
    '/api/work-orders/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['work-orders'],
        summary: 'One order with its timeline, attachments and the actions open to the caller',
        params: idParams,
        response: { 200: workOrderDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = await workOrders.detail(request.principal, request.params.id);
      return {
        ...dto(detail.order),
        events: detail.events.map(toEventDto),
        attachments: detail.attachments.map((a) => ({
          id: a.id,
          eventId: a.event_id,
          fileName: a.file_name,
          mediaType: a.media_type,
          size: a.size,
          hasThumbnail: a.has_thumbnail === 1,
          createdAt: a.created_at,
        })),
        availableActions: detail.availableActions,
      };
    },
  );

  app.get(
    '/api/work-orders/:id/dispatch-options',
    {
      config: { permission: 'workorder.dispatch' },
      schema: {
        tags: ['work-orders'],
        summary: 'Units down the tree, staff and members this order can be dispatched to',
        params: idParams,
        response: { 200: dispatchOptionsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const options = await workOrders.dispatchOptions(request.principal.scope, request.params.id);
      return {
        units: options.units,
        users: options.users.map((u) => ({
          id: u.id,
          displayName: u.display_name,
          role: u.role,
          regionCode: u.region_code,
        })),
        members: options.members.map((m) => ({ id: m.id, name: m.name, regionCode: m.region_code })),
      };
    },
  );

  app.post(
    '/api/work-orders/:id/actions',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['work-orders'],
        summary: 'Take one step: dispatch, sign, return, extend, resolve, review, callback, urge…',
        description:
          'With an Idempotency-Key header (a UUID), a resent step (a draft sent again after a lost answer) answers the order and writes nothing more.',
        params: idParams,
        headers: idempotencyHeaders,
        body: actionBody,
        response: { 200: workOrderSchema, ...idempotentErrorResponses },
      },
    },
    async (request) => {
      const order = await workOrders.actions.act(
        request.principal,
        request.params.id,
        request.body,
        request.headers[IDEMPOTENCY_KEY_HEADER],
      );
      return dto(order);
    },
  );
};
