import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../shared/api/common.js';
import {
  assignBody,
  campaignListQuery,
  campaignPageSchema,
  campaignSchema,
  coverageQuery,
  coverageSchema,
  createCampaignBody,
  idParams,
  targetBody,
} from '../../../shared/api/visits.js';
import type { CampaignsService } from './campaigns.service.js';
import { toCampaignDto } from './visits.schema.js';
import type { VisitsService } from './visits.service.js';

const tags = ['visits'];

/** 走访 campaigns: planning (visit.plan) and reading with coverage (visit.read). */
export const campaignRoutes: FastifyPluginAsyncZod<{
  campaigns: CampaignsService;
  visits: VisitsService;
}> = async (app, { campaigns, visits }) => {
  app.get(
    '/api/visit-campaigns',
    {
      config: { permission: 'visit.read' },
      schema: {
        tags,
        summary: 'Visit campaigns in scope or over it, newest first',
        querystring: campaignListQuery,
        response: { 200: campaignPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await campaigns.list(request.principal.scope, request.query);
      return { items: result.items.map(toCampaignDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/visit-campaigns',
    {
      config: { permission: 'visit.plan' },
      schema: {
        tags,
        summary: 'Start a campaign: its households are chosen from the register and given to visitors',
        body: createCampaignBody,
        response: { 201: campaignSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toCampaignDto(await campaigns.create(request.principal, request.body))),
  );

  app.get(
    '/api/visit-campaigns/:id',
    {
      config: { permission: 'visit.read' },
      schema: {
        tags,
        summary: 'One campaign',
        params: idParams,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) => toCampaignDto(await campaigns.get(request.principal.scope, request.params.id)),
  );

  app.get(
    '/api/visit-campaigns/:id/coverage',
    {
      config: { permission: 'visit.read' },
      schema: {
        tags,
        summary: 'Coverage of a campaign in a region and its children, and per visitor',
        params: idParams,
        querystring: coverageQuery,
        response: { 200: coverageSchema, ...errorResponses },
      },
    },
    async (request) => visits.coverage(request.principal.scope, request.params.id, request.query.region),
  );

  app.post(
    '/api/visit-campaigns/:id/assignments',
    {
      config: { permission: 'visit.plan' },
      schema: {
        tags,
        summary: 'Give households to a visitor (by hand or in bulk), or take them back',
        params: idParams,
        body: assignBody,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) =>
      toCampaignDto(
        await campaigns.assign(
          request.principal.scope,
          request.principal.actor,
          request.params.id,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/visit-campaigns/:id/targets',
    {
      config: { permission: 'visit.plan' },
      schema: {
        tags,
        summary: 'A different target (visits per household) for a visitor or a region',
        params: idParams,
        body: targetBody,
        response: { 200: z.object({ changed: z.number() }), ...errorResponses },
      },
    },
    async (request) =>
      campaigns.setTarget(request.principal.scope, request.principal.actor, request.params.id, request.body),
  );

  app.post(
    '/api/visit-campaigns/:id/close',
    {
      config: { permission: 'visit.plan' },
      schema: {
        tags,
        summary: 'End a campaign',
        params: idParams,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) =>
      toCampaignDto(
        await campaigns.close(request.principal.scope, request.principal.actor, request.params.id),
      ),
  );
};
