import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idSchema } from '../../../shared/api/common.js';
import {
  activityDetailSchema,
  activityListQuery,
  activityPageSchema,
  activitySchema,
  attendanceBody,
  bulkHoursBody,
  checkInCodeSchema,
  codeCheckInBody,
  confirmHoursBody,
  createActivityBody,
  decisionBody,
  myVolunteeringSchema,
  selfSignupBody,
  signupBody,
  signupListSchema,
  signupSchema,
  walkInBody,
} from '../../../shared/api/volunteering.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { ActivitiesService, type ReadWorkOrder } from './activities.service.js';
import { HoursService } from './hours.service.js';
import { MyVolunteeringService } from './my-volunteering.service.js';
import { SignupsService } from './signups.service.js';
import type { CreditConfirmedMinutes } from './volunteer-hours-credit.js';
import { memberSelf } from './volunteer-self.js';
import { toActivityDto, toMyVolunteeringDto, toSignupDto, toSignupListDto } from './volunteering.schema.js';

const idParams = z.object({ id: idSchema });
const tags = ['volunteering'];

export interface ActivitiesRoutesOptions {
  ctx: ServiceContext;
  readWorkOrder: ReadWorkOrder;
  credit: CreditConfirmedMinutes;
}

/** Activities, sign-ups, check-in (leader and rotating code), hours, and the member's own page. */
export const activitiesRoutes: FastifyPluginAsyncZod<ActivitiesRoutesOptions> = async (app, options) => {
  const { ctx } = options;
  const activities = new ActivitiesService(ctx, options.readWorkOrder);
  const signups = new SignupsService(ctx);
  const hours = new HoursService(ctx, options.credit);
  const my = new MyVolunteeringService(ctx);
  const detail = async (scope: Parameters<ActivitiesService['detail']>[0], id: string) => {
    const found = await activities.detail(scope, id);
    return { activity: toActivityDto(found.activity, found.shifts), signups: toSignupListDto(found.signups) };
  };

  app.get(
    '/api/volunteer-activities',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: 'Volunteer activities in scope, newest first',
        querystring: activityListQuery,
        response: { 200: activityPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, team, area } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const found = await activities.list(request.principal.scope, { team, area, after: after?.[0], limit });
      const { items, nextCursor } = page(found.activities, limit, (last) => [last.id]);
      return { items: items.map((a) => toActivityDto(a, found.shifts)), nextCursor };
    },
  );

  app.post(
    '/api/volunteer-activities',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'Create an activity with shifts (optionally for a work order that needs hands)',
        body: createActivityBody,
        response: { 201: activitySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await activities.create(request.principal, request.body);
      const found = await activities.detail(request.principal.scope, created.id);
      return reply.code(201).send(toActivityDto(found.activity, found.shifts));
    },
  );

  app.get(
    '/api/volunteer-activities/:id',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: 'An activity with its shifts, sign-ups and waiting list',
        params: idParams,
        response: { 200: activityDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(request.principal.scope, request.params.id),
  );

  app.post(
    '/api/volunteer-activities/:id/signups',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'The leader signs a volunteer up for a shift',
        params: idParams,
        body: signupBody,
        response: { 201: signupSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      const row = await signups.signUpByLeader(scope, request.params.id, request.body, actor);
      return reply.code(201).send(toSignupDto(row));
    },
  );

  app.post(
    '/api/volunteer-activities/:id/walk-ins',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'A volunteer who came without signing up: placed and checked in',
        params: idParams,
        body: walkInBody,
        response: { 201: signupSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      return reply
        .code(201)
        .send(toSignupDto(await signups.walkIn(scope, request.params.id, request.body, actor)));
    },
  );

  app.get(
    '/api/volunteer-activities/:id/check-in-code',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'The rotating check-in code for the leader’s phone (valid one minute)',
        params: idParams,
        response: { 200: checkInCodeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return activities.checkInCode(request.principal.scope, request.params.id);
    },
  );

  app.post(
    '/api/volunteer-activities/:id/hours/confirm',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'Confirm the hours of sign-ups (credited to the time bank)',
        params: idParams,
        body: confirmHoursBody,
        response: { 200: signupListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      const done = await hours.confirm(scope, request.params.id, request.body, actor);
      return { items: done.map((s) => toSignupDto(s)) };
    },
  );

  app.post(
    '/api/volunteer-activities/:id/hours/bulk',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'Enter confirmed hours after the fact (a paper sign-in sheet)',
        params: idParams,
        body: bulkHoursBody,
        response: { 200: signupListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      const done = await hours.bulk(scope, request.params.id, request.body, actor);
      return { items: done.map((s) => toSignupDto(s)) };
    },
  );

  app.post(
    '/api/volunteer-signups/:id/decision',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'Approve or reject a sign-up awaiting the leader',
        params: idParams,
        body: decisionBody,
        response: { 200: signupSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toSignupDto(await signups.decide(scope, request.params.id, request.body.decision, actor));
    },
  );

  app.post(
    '/api/volunteer-signups/:id/cancel',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'The leader cancels a sign-up (the waiting list moves up)',
        params: idParams,
        response: { 200: signupSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toSignupDto(await signups.cancelByLeader(scope, request.params.id, actor));
    },
  );

  app.post(
    '/api/volunteer-signups/:id/attendance',
    {
      config: { permission: 'activity.lead' },
      schema: {
        tags,
        summary: 'Check a volunteer in or out, or record a no-show',
        params: idParams,
        body: attendanceBody,
        response: { 200: signupSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toSignupDto(await signups.attendance(scope, request.params.id, request.body.action, actor));
    },
  );

  // ---- the member's own ----

  app.get(
    '/api/me/volunteering',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'The signed-in member’s volunteering: hours, services, certificates, open activities',
        response: { 200: myVolunteeringSchema, ...errorResponses },
      },
    },
    async (request) => toMyVolunteeringDto(ctx.crypto, await my.mine(memberSelf(request.principal))),
  );

  app.post(
    '/api/me/volunteering/signups',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Sign oneself up for a shift',
        body: selfSignupBody,
        response: { 201: signupSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(toSignupDto(await signups.signUpSelf(memberSelf(request.principal), request.body))),
  );

  app.post(
    '/api/me/volunteering/signups/:id/cancel',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Cancel one’s own sign-up (before the cut-off)',
        params: idParams,
        response: { 200: signupSchema, ...errorResponses },
      },
    },
    async (request) => toSignupDto(await signups.cancelOwn(memberSelf(request.principal), request.params.id)),
  );

  app.post(
    '/api/me/volunteering/check-in',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Check in or out with the code shown on the leader’s phone',
        body: codeCheckInBody,
        response: { 200: signupSchema, ...errorResponses },
      },
    },
    async (request) =>
      toSignupDto(await signups.checkInWithCode(memberSelf(request.principal), request.body)),
  );
};
