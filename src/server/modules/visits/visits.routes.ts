import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../shared/api/common.js';
import {
  changeRequestPageSchema,
  changeRequestQuery,
  changeRequestSchema,
  decideBody,
  householdBriefSchema,
  idParams,
  needOrderSchema,
  notHomeBody,
  recordVisitBody,
  targetListQuery,
  toOrderBody,
  visitListQuery,
  visitPageSchema,
  visitSchema,
  visitTargetPageSchema,
} from '../../../shared/api/visits.js';
import type { ChangeRequestsService } from './change-requests.service.js';
import type { NeedsService } from './needs.service.js';
import type { VisitRecording } from './visit-recording.service.js';
import { toChangeRequestDto, toTargetDto, toVisitDto } from './visits.schema.js';
import type { VisitsService } from './visits.service.js';

const tags = ['visits'];

export interface VisitRouteDeps {
  visits: VisitsService;
  recording: VisitRecording;
  needs: NeedsService;
  changes: ChangeRequestsService;
}

/**
 * Visits, the households to visit, needs → orders and the register change queue. Recording is
 * open to every signed-in staff member: the service lets grid workers and secretaries record in
 * their visit.record scope and members only at the households a campaign or care pairing gave them.
 */
export const visitRoutes: FastifyPluginAsyncZod<VisitRouteDeps> = async (
  app,
  { visits, recording, needs, changes },
) => {
  app.post(
    '/api/visits',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Record a visit; the same idempotency key sent again answers the first visit (200)',
        body: recordVisitBody,
        response: { 200: visitSchema, 201: visitSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { visit, created } = await recording.record(request.principal, request.body);
      return reply.code(created ? 201 : 200).send(toVisitDto(visit));
    },
  );

  app.post(
    '/api/visits/not-home',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Record "not home" at many households at once (all or none)',
        body: notHomeBody,
        response: { 200: z.object({ created: z.number(), repeated: z.number() }), ...errorResponses },
      },
    },
    async (request) => recording.notHome(request.principal, request.body),
  );

  app.get(
    '/api/visits',
    {
      config: { permission: 'visit.read' },
      schema: {
        tags,
        summary: 'Visits in scope, newest first (of a household, a campaign, or the one an order came from)',
        querystring: visitListQuery,
        response: { 200: visitPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await visits.list(request.principal.scope, request.query);
      return { items: result.items.map(toVisitDto), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/visits/:id',
    {
      config: { permission: 'visit.read' },
      schema: {
        tags,
        summary: 'One visit',
        params: idParams,
        response: { 200: visitSchema, ...errorResponses },
      },
    },
    async (request) => toVisitDto(await visits.get(request.principal.scope, request.params.id)),
  );

  app.get(
    '/api/visit-households/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Before a visit: who lives there (masked) and the last visit’s summary',
        params: idParams,
        response: { 200: householdBriefSchema, ...errorResponses },
      },
    },
    async (request) => {
      const brief = await visits.brief(request.principal, request.params.id);
      return {
        householdId: brief.household.id,
        address: brief.household.address,
        headName: brief.headName,
        members: brief.members,
        lastVisit: brief.lastVisit ? toVisitDto(brief.lastVisit) : null,
      };
    },
  );

  app.get(
    '/api/visit-targets',
    {
      config: { permission: 'visit.read' },
      schema: {
        tags,
        summary: 'Households of campaigns in scope: open, overdue or with a return visit due',
        querystring: targetListQuery,
        response: { 200: visitTargetPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await visits.targets(request.principal.scope, request.query);
      return { items: result.items.map(toTargetDto), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/me/visit-targets',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'The households campaigns gave the signed-in user to visit',
        querystring: targetListQuery,
        response: { 200: visitTargetPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await visits.mine(request.principal.userId, request.query);
      return { items: result.items.map(toTargetDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/visit-needs/:id/order',
    {
      config: { permission: 'workorder.intake' },
      schema: {
        tags,
        summary: 'Turn a need found on a visit into a work order (channel visit), linked both ways',
        params: idParams,
        body: toOrderBody,
        response: {
          201: needOrderSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await needs.toOrder(request.principal, request.params.id, request.body)),
  );

  app.get(
    '/api/visit-change-requests',
    {
      config: { permission: 'register.change_confirm' },
      schema: {
        tags,
        summary: 'Register changes seen on visits, waiting for the community (newest first)',
        querystring: changeRequestQuery,
        response: { 200: changeRequestPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await changes.list(request.principal.scope, request.query);
      return {
        items: result.items.map((row) => toChangeRequestDto(row, changes.shownValue(row))),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.post(
    '/api/visit-change-requests/:id/decision',
    {
      config: { permission: 'register.change_confirm' },
      schema: {
        tags,
        summary: 'Confirm (applied to the register through its services) or reject a change request',
        params: idParams,
        body: decideBody,
        response: { 200: changeRequestSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await changes.decide(request.principal, request.params.id, request.body);
      return toChangeRequestDto(row, changes.shownValue(row));
    },
  );
};
