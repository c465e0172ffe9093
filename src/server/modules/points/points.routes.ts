import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import { districtParams } from '../../../shared/api/meetings.js';
import {
  accrualSchema,
  accrueBody,
  manualPointsBody,
  memberPointsSchema,
  pointsRankingSchema,
  pointsRulesBody,
  pointsRulesSchema,
  pointsYearQuery,
} from '../../../shared/api/points.js';
import { beijingYear } from '../../../shared/beijing-time.js';
import { DomainError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { PointsService } from './points.service.js';
import { accruePoints } from './points-accrual.service.js';
import { changePointsRules, pointsRulesOf } from './points-rules-table.js';

const tags = ['points'];

/** 党员积分: the districts' rule tables, accrual on demand, members' ledgers, rankings, manual rows. */
export const pointsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const points = new PointsService(ctx);
  const yearOf = (year: number | undefined) => year ?? beijingYear(ctx.now());

  app.get(
    '/api/points/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'The signed-in member’s own points of a year, each row with its reason',
        querystring: pointsYearQuery,
        response: { 200: memberPointsSchema, ...errorResponses },
      },
    },
    async (request) => points.own(request.principal.userId, yearOf(request.query.year)),
  );

  app.get(
    '/api/districts/:district/points-rules',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: 'A district’s points rules: points per hour, visit or meeting, yearly caps',
        params: districtParams,
        response: { 200: pointsRulesSchema, ...errorResponses },
      },
    },
    async (request) => {
      request.principal.scope.filteredTo(request.params.district);
      return pointsRulesOf(ctx.database.db, request.params.district);
    },
  );

  app.put(
    '/api/districts/:district/points-rules',
    {
      config: { permission: 'points.manage' },
      schema: {
        tags,
        summary: 'Change a whole district’s points rules (kinds not named are switched off)',
        params: districtParams,
        body: pointsRulesBody,
        response: { 200: pointsRulesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      scope.filteredTo(request.params.district);
      return changePointsRules(
        ctx,
        scope,
        request.params.district,
        request.body.rules,
        request.principal.actor,
      );
    },
  );

  app.post(
    '/api/points/accrue',
    {
      config: { permission: 'points.manage' },
      schema: {
        tags,
        summary: 'Accrue a whole district’s points of a year now (idempotent; the daily job does the same)',
        body: accrueBody,
        response: { 200: accrualSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      scope.filteredTo(request.body.district);
      if (!scope.coversSubtree(request.body.district)) throw new DomainError('points.district_wide', 403);
      return accruePoints(ctx, request.body.district, yearOf(request.body.year), request.principal.actor);
    },
  );

  app.get(
    '/api/organizations/:id/points',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: 'The organization’s members ranked by their points of a year',
        params: idParams,
        querystring: pointsYearQuery,
        response: { 200: pointsRankingSchema, ...errorResponses },
      },
    },
    async (request) => points.ranking(request.principal.scope, request.params.id, yearOf(request.query.year)),
  );

  app.get(
    '/api/members/:id/points',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: 'A member’s points of a year, each row with its reason',
        params: idParams,
        querystring: pointsYearQuery,
        response: { 200: memberPointsSchema, ...errorResponses },
      },
    },
    async (request) =>
      points.ofMember(request.principal.scope, request.params.id, yearOf(request.query.year)),
  );

  app.post(
    '/api/members/:id/points',
    {
      config: { permission: 'points.manage' },
      schema: {
        tags,
        summary: 'Award (or deduct) a member points by hand, with the reason',
        params: idParams,
        body: manualPointsBody,
        response: { 201: memberPointsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ledger = await points.award(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      );
      return reply.status(201).send(ledger);
    },
  );
};
