import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  CONTACT_OVERDUE_DAYS,
  contactPointDetailSchema,
  contactPointListQuery,
  contactPointPageSchema,
  contactRecordBody,
  createContactPointBody,
  endContactPointBody,
  myContactPointsQuery,
  myContactPointsSchema,
} from '../../../shared/api/worklogs.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { ContactPointsService } from './contact-points.service.js';
import { toContactPoint, toContactPointDetail } from './worklogs.present.js';

const tags = ['contact points'];

/**
 * 联系点: assignments of leaders to grassroots organizations (read with worklog.read, assigned and
 * ended with contactpoint.manage, both over the organization), and the leader's own contact points
 * with their records (any signed-in staff member, on their own assignments only).
 */
export const contactPointsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const points = new ContactPointsService(ctx);

  app.get(
    '/api/contact-points',
    {
      config: { permission: 'worklog.read' },
      schema: {
        tags,
        summary: 'Contact points in scope (of a region, an organization, a leader), with the last contact',
        querystring: contactPointListQuery,
        response: { 200: contactPointPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, days, open, ...filter } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await points.list(request.principal.scope, {
        ...filter,
        open: open === undefined ? undefined : open === 'true',
        after: after?.[0],
        limit,
      });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      const views = await points.withStats(items, days ?? CONTACT_OVERDUE_DAYS);
      return { items: views.map(toContactPoint), nextCursor };
    },
  );

  app.post(
    '/api/contact-points',
    {
      config: { permission: 'contactpoint.manage' },
      schema: {
        tags,
        summary: 'Assign a leader to a grassroots organization as their contact point, from a date',
        body: createContactPointBody,
        response: { 201: contactPointDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await points.assign(scope, request.body, request.principal.actor);
      return reply.code(201).send(toContactPointDetail(await points.detail(scope, id, CONTACT_OVERDUE_DAYS)));
    },
  );

  app.get(
    '/api/contact-points/:id',
    {
      config: { permission: 'worklog.read' },
      schema: {
        tags,
        summary: 'A contact point with its contact records',
        params: idParams,
        querystring: myContactPointsQuery,
        response: { 200: contactPointDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      toContactPointDetail(
        await points.detail(
          request.principal.scope,
          request.params.id,
          request.query.days ?? CONTACT_OVERDUE_DAYS,
        ),
      ),
  );

  app.post(
    '/api/contact-points/:id/end',
    {
      config: { permission: 'contactpoint.manage' },
      schema: {
        tags,
        summary: 'End a contact point on a date',
        params: idParams,
        body: endContactPointBody,
        response: { 200: contactPointDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await points.end(scope, request.params.id, request.body.endOn, request.principal.actor);
      return toContactPointDetail(await points.detail(scope, request.params.id, CONTACT_OVERDUE_DAYS));
    },
  );

  app.get(
    '/api/me/contact-points',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'My open contact points, with the last contact; those not contacted in `days` days flagged',
        querystring: myContactPointsQuery,
        response: { 200: myContactPointsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const days = request.query.days ?? CONTACT_OVERDUE_DAYS;
      const views = await points.mine(request.principal.userId, days);
      return { items: views.map(toContactPoint), days };
    },
  );

  app.get(
    '/api/me/contact-points/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'One of my contact points with its contact records',
        params: idParams,
        querystring: myContactPointsQuery,
        response: { 200: contactPointDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      toContactPointDetail(
        await points.myDetail(
          request.principal.userId,
          request.params.id,
          request.query.days ?? CONTACT_OVERDUE_DAYS,
        ),
      ),
  );

  app.post(
    '/api/me/contact-points/:id/records',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Record a contact (date, way, what was found, what was agreed) on one of my contact points',
        params: idParams,
        body: contactRecordBody,
        response: { 201: contactPointDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      await points.record(principal.userId, request.params.id, request.body, principal.actor);
      return reply
        .code(201)
        .send(
          toContactPointDetail(
            await points.myDetail(principal.userId, request.params.id, CONTACT_OVERDUE_DAYS),
          ),
        );
    },
  );
};
