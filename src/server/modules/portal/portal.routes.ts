import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, errorResponses, idParams } from '../../../shared/api/common.js';
import {
  codeSentSchema,
  elderModeBody,
  listQuery,
  loginBody,
  meSchema,
  otpBody,
  photoParams,
  photoSchema,
  placeListSchema,
  portalCategoryListSchema,
  ratingBody,
  requestDetailSchema,
  requestPageSchema,
  requestSummarySchema,
  submitBody,
} from '../../../shared/api/portal.js';
import { clearResidentCookie, type SignedInResident, setResidentCookie } from '../../http/access-control.js';
import { DomainError, notFound, unauthenticated } from '../../http/errors.js';
import { asUploadFault, firstFile } from '../../http/multipart-upload.js';
import { decodeCursor, page } from '../../http/pagination.js';
import { attachment } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import type { WorkOrdersService, WorkOrderView } from '../work-orders/index.js';
import { PortalService } from './portal.service.js';
import { MAX_PHOTO_BYTES } from './portal-photos.js';
import type { ResidentAuthService } from './resident-auth.service.js';

const residentOf = (request: FastifyRequest): SignedInResident => {
  if (!request.resident) throw unauthenticated();
  return request.resident;
};

const summaryOf = (order: WorkOrderView): z.infer<typeof requestSummarySchema> => ({
  id: order.id,
  number: order.number,
  status: order.status,
  categoryCode: order.category_code,
  categoryName: order.category_name,
  description: order.description,
  placeName: order.region_name,
  satisfaction: order.satisfaction,
  createdAt: order.created_at,
  updatedAt: order.updated_at,
});

const limited = { ...errorResponses, 429: errorBodySchema };

/**
 * The resident portal's API (`/api/portal/*`, pages under `/m/`): sign-in by SMS code, then the
 * resident's own requests. Every route but the two sign-in steps is `permission: 'resident'`.
 */
export const portalRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  workOrders: WorkOrdersService;
  residentAuth: ResidentAuthService;
}> = async (app, { ctx, workOrders, residentAuth }) => {
  const portal = new PortalService(ctx, workOrders);
  const rateLimit = { max: ctx.config.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/api/portal/otp',
    {
      config: { public: 'the portal sign-in form: asks for an SMS code', rateLimit },
      schema: {
        tags: ['portal'],
        summary: 'Send a sign-in code by SMS (same answer for every valid number)',
        body: otpBody,
        response: { 202: codeSentSchema, ...limited },
      },
    },
    async (request, reply) => {
      const sent = await residentAuth.requestCode(request.body.phone, request.actor);
      return reply.code(202).send({ sent: true as const, ...sent });
    },
  );

  app.post(
    '/api/portal/login',
    {
      config: { public: 'the portal sign-in form: checks the SMS code', rateLimit },
      schema: {
        tags: ['portal'],
        summary: 'Sign in with the phone number and the code; sets the resident cookie',
        body: loginBody,
        response: { 200: meSchema, ...limited },
      },
    },
    async (request, reply) => {
      const { token, resident } = await residentAuth.login(
        request.body.phone,
        request.body.code,
        request.actor,
      );
      setResidentCookie(request, reply, token);
      return portal.me(resident);
    },
  );

  app.post(
    '/api/portal/logout',
    {
      config: { permission: 'resident' },
      schema: { tags: ['portal'], response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await residentAuth.logout(residentOf(request), request.actor);
      clearResidentCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/portal/me',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'The signed-in resident',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request) => portal.me(residentOf(request)),
  );

  app.put(
    '/api/portal/me/elder-mode',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'Switch elder mode (长辈模式) on or off; remembered on the account (audited)',
        body: elderModeBody,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request) => portal.setElderMode(residentOf(request), request.body.on, request.actor),
  );

  app.post(
    '/api/portal/me/export',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'Everything held about the resident, in clear, as a JSON download (audited)',
      },
    },
    async (request, reply) => {
      const data = await portal.exportData(residentOf(request), request.actor);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment('my-data.json', '我的数据.json'))
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.get(
    '/api/portal/categories',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'What a resident can ask for: active categories with their group and extra fields',
        response: { 200: portalCategoryListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await portal.categories(residentOf(request).districtCode) }),
  );

  app.get(
    '/api/portal/places',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'Streets, communities and grids of the district (public names), for the place picker',
        response: { 200: placeListSchema, ...errorResponses },
      },
    },
    async () => ({ items: await portal.places() }),
  );

  app.post(
    '/api/portal/requests',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'Submit a request: it becomes a work order (channel portal)',
        body: submitBody,
        response: { 201: requestSummarySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const order = await portal.submit(residentOf(request), request.actor, request.body);
      return reply.code(201).send(summaryOf(order));
    },
  );

  app.get(
    '/api/portal/requests',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'The resident’s own requests, newest first',
        querystring: listQuery,
        response: { 200: requestPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const before = decodeCursor(cursor, ['text']);
      const rows = await portal.list(residentOf(request), { beforeId: before?.[0], limit: limit + 1 });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      return { items: items.map(summaryOf), nextCursor };
    },
  );

  app.get(
    '/api/portal/requests/:id',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'One of the resident’s requests with its timeline and photos',
        params: idParams,
        response: { 200: requestDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = await portal.detail(residentOf(request), request.params.id);
      const { order } = detail;
      return {
        ...summaryOf(order),
        categoryCode: order.category_code,
        attributes: JSON.parse(order.attributes) as Record<string, unknown>,
        placePath: detail.placePath,
        address: order.address,
        dueAt: order.due_at,
        closedAt: order.closed_at,
        // A reopened order's old resolution is no answer any more.
        resolution: ['pending_review', 'closed', 'archived'].includes(order.status) ? order.resolution : '',
        publicDescription: order.public_description,
        canRate: order.status === 'closed',
        photos: detail.photos.map((photo) => ({
          id: photo.id,
          mediaType: photo.media_type,
          createdAt: photo.created_at,
        })),
        timeline: detail.timeline,
      };
    },
  );

  app.post(
    '/api/portal/requests/:id/photos',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: `Add a photo (JPEG, PNG or WebP, at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB; three per request)`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: photoSchema, ...errorResponses, 413: errorBodySchema },
      },
    },
    async (request, reply) => {
      const upload = await firstFile(request, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
      if (!upload) throw new DomainError('portal.photo_missing', 400);
      let bytes: Buffer;
      try {
        bytes = await upload.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError('portal.photo_too_large', 413, { megabytes: MAX_PHOTO_BYTES / 1024 / 1024 });
        throw asUploadFault(error);
      }
      const row = await portal.addPhoto(residentOf(request), request.actor, request.params.id, {
        fileName: upload.filename,
        bytes,
      });
      return reply.code(201).send({ id: row.id, mediaType: row.media_type, size: row.size });
    },
  );

  app.get(
    '/api/portal/requests/:id/photos/:photoId',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary: 'One of the resident’s photos of their request',
        params: photoParams,
      },
    },
    async (request, reply) => {
      const { file, mediaType } = await portal.photo(
        residentOf(request),
        request.params.id,
        request.params.photoId,
      );
      if (!fs.existsSync(file)) throw notFound('portal.request_not_found');
      return reply.type(mediaType).header('content-disposition', 'inline').send(fs.createReadStream(file));
    },
  );

  app.post(
    '/api/portal/requests/:id/rating',
    {
      config: { permission: 'resident' },
      schema: {
        tags: ['portal'],
        summary:
          'Rate a closed request: satisfied archives it, unsatisfied sends it back to be handled again',
        params: idParams,
        body: ratingBody,
        response: { 200: requestSummarySchema, ...errorResponses },
      },
    },
    async (request) => {
      const order = await portal.rate(residentOf(request), request.actor, request.params.id, request.body);
      return summaryOf(order);
    },
  );
};
