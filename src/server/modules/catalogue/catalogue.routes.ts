import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTRIBUTE_TYPES, HANDLER_KINDS } from '../../../shared/work-orders.js';
import type { ServiceCategory } from '../../db/tables.js';
import { errorResponses } from '../../http/common-schemas.js';
import { districtsOf } from './catalogue.service.js';
import type { CatalogueAdmin, CategoryView } from './catalogue-admin.service.js';
import { attributesOf } from './category-attributes.js';
import { hotlineRoutes } from './hotlines.routes.js';

const attributeSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'field.invalid_format'),
    datatype: z.enum(ATTRIBUTE_TYPES),
    required: z.boolean(),
    description: z.string().trim().min(1).max(100),
    order: z.number().int().min(0).max(100),
    values: z
      .array(z.object({ key: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(50) }))
      .max(50)
      .optional(),
  })
  .strict()
  .refine((a) => !a.datatype.endsWith('valuelist') || (a.values?.length ?? 0) > 0, {
    message: 'field.too_few_items',
    path: ['values'],
  });

const categoryFields = {
  name: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().max(80).optional(),
  description: z.string().trim().max(500).optional(),
  handlerKind: z.enum(HANDLER_KINDS),
  signHours: z.number().int().min(1).max(72),
  resolveDays: z.number().int().min(0).max(60),
  proxy: z.boolean().optional(),
  attributes: z
    .array(attributeSchema)
    .max(20)
    .refine((list) => new Set(list.map((a) => a.code)).size === list.length, { message: 'field.invalid' })
    .optional(),
  keywords: z.string().trim().max(200).optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(1000).optional(),
};

const categorySchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  handlerKind: z.enum(HANDLER_KINDS),
  signHours: z.number(),
  resolveDays: z.number(),
  proxy: z.boolean(),
  attributes: z.array(z.record(z.string(), z.unknown())),
  keywords: z.string(),
  active: z.boolean(),
  sort: z.number(),
  /** The district whose own category this is; null: shared by the installation. */
  districtCode: z.string().nullable(),
  /** Whether it is active in each of the caller's districts that see it (after their switches). */
  districts: z.array(z.object({ districtCode: z.string(), active: z.boolean() })),
});

const toCategoryDto = (
  c: ServiceCategory,
  districts: CategoryView['districts'] = [],
): z.infer<typeof categorySchema> => ({
  code: c.code,
  parentCode: c.parent_code,
  name: c.name,
  nameEn: c.name_en,
  description: c.description,
  handlerKind: c.handler_kind,
  signHours: c.sign_hours,
  resolveDays: c.resolve_days,
  proxy: c.proxy === 1,
  attributes: attributesOf(c) as unknown as Record<string, unknown>[],
  keywords: c.keywords,
  active: c.active === 1,
  sort: c.sort,
  districtCode: c.district_code,
  districts,
});

/** A district's code: six digits (its region's own code). */
const districtSchema = z.string().regex(/^\d{6}$/, 'field.invalid_format');

const calendarBody = z
  .object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(50).default('') })
  .strict();

/** The districts a signed-in staff member works in: those of their role assignments. */
const callerDistricts = (request: FastifyRequest): string[] =>
  districtsOf(request.principal.assignments.map((assignment) => assignment.region_code));

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'field.invalid_format')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: 'field.invalid_format',
    },
  );

/** The service catalogue, the working-day calendar and the hotlines: read by staff, edited by admins. */
export const catalogueRoutes: FastifyPluginAsyncZod<{ admin: CatalogueAdmin }> = async (app, { admin }) => {
  /** A category as the caller's list shows it: with its state in each of the caller's districts. */
  const asSeen = async (request: FastifyRequest, category: ServiceCategory) => {
    const view = (await admin.categories(callerDistricts(request))).find(
      (candidate) => candidate.category.code === category.code,
    );
    return toCategoryDto(category, view?.districts ?? []);
  };

  app.get(
    '/api/service-categories',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['catalogue'],
        summary: 'The service catalogue (groups and their categories)',
        response: { 200: z.object({ items: z.array(categorySchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await admin.categories(callerDistricts(request))).map((view) =>
        toCategoryDto(view.category, view.districts),
      ),
    }),
  );

  app.post(
    '/api/service-categories',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        body: z
          .object({
            code: z
              .string()
              .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/, 'field.invalid_format')
              .max(40),
            // A group's code: "" is not "no parent" but a malformed one (leave the field out).
            parentCode: z
              .string()
              .regex(/^[a-z][a-z0-9_]*$/, 'field.invalid_format')
              .max(40)
              .optional(),
            // A district's own category, seen in that district only; left out: shared.
            districtCode: districtSchema.optional(),
            ...categoryFields,
          })
          .strict(),
        response: { 201: categorySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await asSeen(
            request,
            await admin.createCategory(request.principal.scope, request.body, request.principal.actor),
          ),
        ),
  );

  app.patch(
    '/api/service-categories/:code',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        params: z.object({ code: z.string().max(40) }),
        body: z.object(categoryFields).partial().strict(),
        response: { 200: categorySchema, ...errorResponses },
      },
    },
    async (request) =>
      asSeen(
        request,
        await admin.updateCategory(
          request.principal.scope,
          request.params.code,
          request.body,
          request.principal.actor,
        ),
      ),
  );

  app.get(
    '/api/calendar',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['catalogue'],
        summary: 'Exceptions to Monday–Friday in a year: holidays and adjusted working days',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                date: z.string(),
                kind: z.enum(['holiday', 'workday']),
                name: z.string(),
                districtCode: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      return { items: await admin.calendarDays(callerDistricts(request), request.query.year) };
    },
  );

  app.put(
    '/api/calendar/:date',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        params: z.object({ date: dateSchema }),
        body: calendarBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await admin.setCalendarDay(
        request.principal.scope,
        request.params.date,
        request.body,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/calendar/:date',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        params: z.object({ date: dateSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await admin.deleteCalendarDay(request.principal.scope, request.params.date, request.principal.actor);
      return reply.code(204).send(null);
    },
  );

  // A district's own settings, on top of the shared ones: its owner is whoever manages its whole subtree.
  app.put(
    '/api/districts/:district/calendar/:date',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary: 'A district’s own holiday or worked weekend day (overlays the shared calendar there)',
        params: z.object({ district: districtSchema, date: dateSchema }),
        body: calendarBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { district, date } = request.params;
      await admin.setDistrictCalendarDay(
        request.principal.scope,
        district,
        date,
        request.body,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/districts/:district/calendar/:date',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        params: z.object({ district: districtSchema, date: dateSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { district, date } = request.params;
      await admin.deleteDistrictCalendarDay(request.principal.scope, district, date, request.principal.actor);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/districts/:district/service-categories/:code',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary: 'Switch a category on or off in one district (a shared one for that district only)',
        params: z.object({ district: districtSchema, code: z.string().max(40) }),
        body: z.object({ active: z.boolean() }).strict(),
        response: { 200: categorySchema, ...errorResponses },
      },
    },
    async (request) => {
      const { district, code } = request.params;
      const view = await admin.setDistrictCategory(
        request.principal.scope,
        district,
        code,
        request.body,
        request.principal.actor,
      );
      return toCategoryDto(view.category, view.districts);
    },
  );

  hotlineRoutes(app, admin.hotlineAdmin);
};
