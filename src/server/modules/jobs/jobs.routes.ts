import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam, errorResponses, idParams, limitSchema } from '../../../shared/api/common.js';
import {
  contactBody,
  contactSchema,
  jobBody,
  jobListQuery,
  jobPageSchema,
  jobSchema,
  myEnterprisesSchema,
  updateJobBody,
} from '../../../shared/api/jobs.js';
import { toJobDto } from './jobs.dto.js';
import type { JobsService } from './jobs.service.js';

const tags = ['jobs'];
const pageQuery = z.object({ cursor: cursorParam, limit: limitSchema });

/** Jobs (岗位): staff in scope (job.read, job.manage) and an enterprise's own contact (job.post). */
export const jobRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/api/jobs',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Jobs in scope, newest first: open and unexpired by default',
        querystring: jobListQuery,
        response: { 200: jobPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await jobs.list(request.principal.scope, request.query);
      return { items: result.items.map((j) => toJobDto(j, jobs.today())), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/jobs',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Post a job for an enterprise in scope',
        body: jobBody,
        response: { 201: jobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      const job = await jobs.create(principal.scope, principal.actor, principal.userId, request.body);
      return reply.code(201).send(toJobDto(job, jobs.today()));
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      config: { permission: 'job.read' },
      schema: { tags, summary: 'One job', params: idParams, response: { 200: jobSchema, ...errorResponses } },
    },
    async (request) => toJobDto(await jobs.get(request.principal.scope, request.params.id), jobs.today()),
  );

  app.patch(
    '/api/jobs/:id',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Change a job, or close or reopen it',
        params: idParams,
        body: updateJobBody,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    async (request) =>
      toJobDto(
        await jobs.update(request.principal.scope, request.principal.actor, request.params.id, request.body),
        jobs.today(),
      ),
  );

  app.post(
    '/api/enterprise-contacts',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Bind an enterprise-contact account to an enterprise (both in scope)',
        body: contactBody,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    async (request) => jobs.linkContact(request.principal.scope, request.principal.actor, request.body),
  );

  app.get(
    '/api/my-enterprise',
    {
      config: { permission: 'job.post' },
      schema: {
        tags,
        summary: 'The enterprises the signed-in contact posts for',
        response: { 200: myEnterprisesSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await jobs.enterprisesOfContact(request.principal.userId)).map((e) => ({
        userId: e.user_id,
        enterpriseId: e.id,
        enterpriseName: e.name,
      })),
    }),
  );

  app.get(
    '/api/my-enterprise/jobs',
    {
      config: { permission: 'job.post' },
      schema: {
        tags,
        summary: 'The jobs of the contact’s enterprises, newest first',
        querystring: pageQuery,
        response: { 200: jobPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await jobs.listOfContact(request.principal.userId, request.query);
      return { items: result.items.map((j) => toJobDto(j, jobs.today())), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/my-enterprise/jobs',
    {
      config: { permission: 'job.post' },
      schema: {
        tags,
        summary: 'Post a job for one of the contact’s enterprises',
        body: jobBody,
        response: { 201: jobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      const job = await jobs.createAsContact(principal.actor, principal.userId, request.body);
      return reply.code(201).send(toJobDto(job, jobs.today()));
    },
  );
};
