import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam, errorResponses, idParams, limitSchema } from '../../../shared/api/common.js';
import {
  type Fair,
  fairBody,
  fairDetailSchema,
  fairEnterpriseBody,
  fairListQuery,
  fairPageSchema,
  fairSchema,
  fairSeekerBody,
  myFairEnterpriseBody,
  myJobAlertsSchema,
  type RecommendationStatus,
  seekerSchema,
  smsOptOutBody,
  updateFairBody,
} from '../../../shared/api/jobs.js';
import { unauthenticated } from '../../http/errors.js';
import type { AlertSettingsService } from './alert-settings.service.js';
import type { FairView } from './fairs.repository.js';
import type { FairsService } from './fairs.service.js';
import { toJobDto } from './jobs.dto.js';
import type { SeekersService } from './seekers.service.js';

const tags = ['jobs'];
const pageQuery = z.object({ cursor: cursorParam, limit: limitSchema });

export const toFairDto = (f: FairView): Fair => ({
  id: f.id,
  kind: f.kind,
  title: f.title,
  place: f.place,
  regionCode: f.region_code,
  regionName: f.region_name,
  startsAt: f.starts_at,
  endsAt: f.ends_at,
  status: f.status,
  seekerCapacity: f.seeker_capacity,
  enterprises: Number(f.enterprises),
  seekers: Number(f.seekers),
  createdAt: f.created_at,
});

/**
 * Job fairs (招聘会, 农民办事大集) for staff in scope (job.read, job.manage) and for an enterprise's
 * contact (job.post, their own enterprise); text alerts switched off by a case worker or by the
 * seeker on the portal.
 */
export const fairRoutes: FastifyPluginAsyncZod<{
  fairs: FairsService;
  seekers: SeekersService;
  settings: AlertSettingsService;
  today: () => string;
}> = async (app, { fairs, seekers, settings, today }) => {
  app.get(
    '/api/job-fairs',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Job fairs in scope, newest first',
        querystring: fairListQuery,
        response: { 200: fairPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await fairs.list(request.principal.scope, request.query);
      return { items: result.items.map(toFairDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/job-fairs',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Plan a job fair (招聘会) or farmers’ market (农民办事大集) in a region of scope',
        body: fairBody,
        response: { 201: fairSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      const fair = await fairs.create(principal.scope, principal.actor, principal.userId, request.body);
      return reply.code(201).send(toFairDto(fair));
    },
  );

  app.get(
    '/api/job-fairs/:id',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'A fair: its enterprises and jobs, the best-fitting registered seekers per job, results',
        params: idParams,
        response: { 200: fairDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const d = await fairs.detail(request.principal.scope, request.params.id);
      const day = today();
      return {
        fair: toFairDto(d.fair),
        enterprises: d.enterprises.map((e) => ({
          enterpriseId: e.id,
          enterpriseName: e.name,
          jobs: e.jobs.map(({ job, top }) => ({
            job: toJobDto(job, day),
            topSeekers: top.map((r) => ({
              seekerId: r.id,
              name: r.view.name,
              score: r.scored.score,
              reasons: r.scored.reasons,
              recommendation: (d.statuses.get(`${job.id}|${r.id}`) ?? null) as RecommendationStatus | null,
            })),
          })),
        })),
        seekers: await seekers.present(d.seekers),
        results: d.results,
      };
    },
  );

  app.patch(
    '/api/job-fairs/:id',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Change a fair, open, close or cancel it',
        params: idParams,
        body: updateFairBody,
        response: { 200: fairSchema, ...errorResponses },
      },
    },
    async (request) =>
      toFairDto(
        await fairs.update(request.principal.scope, request.principal.actor, request.params.id, request.body),
      ),
  );

  app.post(
    '/api/job-fairs/:id/enterprises',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Register an enterprise of scope for the fair, with open jobs of its own it brings',
        params: idParams,
        body: fairEnterpriseBody,
        response: { 200: fairSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = request;
      return toFairDto(
        await fairs.registerEnterprise(
          principal.scope,
          principal.actor,
          principal.userId,
          request.params.id,
          request.body,
        ),
      );
    },
  );

  app.post(
    '/api/job-fairs/:id/seekers',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Register a seeker of scope for the fair (while it has places)',
        params: idParams,
        body: fairSeekerBody,
        response: { 200: fairSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = request;
      return toFairDto(
        await fairs.registerSeeker(
          principal.scope,
          principal.actor,
          principal.userId,
          request.params.id,
          request.body.seekerId,
        ),
      );
    },
  );

  app.get(
    '/api/my-enterprise/job-fairs',
    {
      config: { permission: 'job.post' },
      schema: {
        tags,
        summary: 'Planned and open fairs of the districts of the contact’s enterprises',
        querystring: pageQuery,
        response: { 200: fairPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await fairs.listForContact(request.principal.userId, request.query);
      return { items: result.items.map(toFairDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/my-enterprise/job-fair-registrations',
    {
      config: { permission: 'job.post' },
      schema: {
        tags,
        summary: 'Register one of the contact’s enterprises for a fair of its district, with its jobs',
        body: myFairEnterpriseBody,
        response: { 200: fairSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { fairId, ...input } = request.body;
      const { principal } = request;
      return toFairDto(await fairs.registerOwnEnterprise(principal.actor, principal.userId, fairId, input));
    },
  );

  app.put(
    '/api/job-seekers/:id/sms-opt-out',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Switch a seeker’s text alerts of new jobs off or on (at their request)',
        params: idParams,
        body: smsOptOutBody,
        response: { 200: seekerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await settings.setByCaseWorker(
        request.principal.scope,
        request.principal.actor,
        request.params.id,
        request.body.optOut,
      );
      return (await seekers.present([view]))[0]!;
    },
  );

  app.get(
    '/api/portal/me/job-alerts',
    {
      config: { permission: 'resident' },
      schema: {
        tags: [...tags, 'portal'],
        summary: 'Whether the resident, a registered seeker, gets text alerts of new jobs',
        response: { 200: myJobAlertsSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.resident) throw unauthenticated();
      return settings.mine(request.resident.personId);
    },
  );

  app.put(
    '/api/portal/me/job-alerts',
    {
      config: { permission: 'resident' },
      schema: {
        tags: [...tags, 'portal'],
        summary: 'The resident switches their text alerts of new jobs off or on',
        body: smsOptOutBody,
        response: { 200: myJobAlertsSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.resident) throw unauthenticated();
      return settings.setMine(request.resident.personId, request.actor, request.body.optOut);
    },
  );
};
