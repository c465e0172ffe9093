import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  addedSchema,
  buildingsWithoutBranchSchema,
  coverageSchema,
  enterprisesWithoutOrganizationSchema,
  limitQuery,
  memberIdBody,
  uncoveredPageSchema,
  uncoveredQuery,
  warmGroupHouseholdListSchema,
  warmGroupHouseholdParams,
  warmGroupHouseholdsBody,
} from '../../../shared/api/organizations.js';
import { regionCodeParams } from '../../../shared/api/regions.js';
import type { CareService } from './care.service.js';

/** Who looks after which household: warm groups' households, a household's caring member, coverage. */
export const careRoutes: FastifyPluginAsyncZod<{ care: CareService }> = async (app, { care }) => {
  app.post(
    '/api/organizations/:id/households',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        summary: 'Add households to a warm group: by id, or a whole building entrance (buildingCode + unit)',
        params: idParams,
        body: warmGroupHouseholdsBody,
        response: { 200: addedSchema, ...errorResponses },
      },
    },
    async (request) => ({
      added: await care.addToWarmGroup(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      ),
    }),
  );

  app.delete(
    '/api/organizations/:id/households/:householdId',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        params: warmGroupHouseholdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await care.removeFromWarmGroup(
        request.principal.scope,
        request.params.id,
        request.params.householdId,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/organizations/:id/households',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'The households a warm group looks after',
        params: idParams,
        response: { 200: warmGroupHouseholdListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await care.warmGroupHouseholds(request.principal.scope, request.params.id),
    }),
  );

  app.put(
    '/api/households/:id/care',
    {
      config: { permission: 'care.assign' },
      schema: {
        tags: ['organizations'],
        summary: 'Name the household’s caring member',
        params: idParams,
        body: memberIdBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await care.assign(
        request.principal.scope,
        request.params.id,
        request.body.memberId,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/households/:id/care',
    {
      config: { permission: 'care.assign' },
      schema: { tags: ['organizations'], params: idParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await care.unassign(request.principal.scope, request.params.id, request.principal.actor);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/coverage/:code',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'Care, warm-group, corridor-branch and enterprise coverage of a region',
        params: regionCodeParams,
        response: { 200: coverageSchema, ...errorResponses },
      },
    },
    async (request) => care.coverage(request.principal.scope, request.params.code),
  );

  app.get(
    '/api/coverage/:code/uncovered',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'Households without a caring member',
        params: regionCodeParams,
        querystring: uncoveredQuery,
        response: { 200: uncoveredPageSchema, ...errorResponses },
      },
    },
    async (request) =>
      care.uncovered(request.principal.scope, request.params.code, request.query.limit, request.query.cursor),
  );

  app.get(
    '/api/coverage/:code/buildings-without-branch',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        params: regionCodeParams,
        querystring: limitQuery,
        response: { 200: buildingsWithoutBranchSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (
        await care.buildingsWithoutCorridorBranch(
          request.principal.scope,
          request.params.code,
          request.query.limit,
        )
      ).map((b) => ({
        code: b.code,
        name: b.name,
        parentCode: b.parent_code,
      })),
    }),
  );

  app.get(
    '/api/coverage/:code/enterprises-without-organization',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        params: regionCodeParams,
        querystring: limitQuery,
        response: { 200: enterprisesWithoutOrganizationSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (
        await care.enterprisesWithoutOrganization(
          request.principal.scope,
          request.params.code,
          request.query.limit,
        )
      ).map((e) => ({
        id: e.id,
        name: e.name,
        creditCode: e.credit_code,
        regionCode: e.region_code,
      })),
    }),
  );
};
