import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingListSchema,
  bookingSchema,
  cancelBookingBody,
  createBookingBody,
  createUnitBody,
  createVenueBody,
  regionListQuery,
  unitActivityBody,
  unitDetailSchema,
  unitListSchema,
  unitMemberBody,
  venueListSchema,
  venueSchema,
} from '../../../shared/api/cobuilding.js';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import type { ServiceContext } from '../../services.js';
import { toBooking, toUnit, toUnitDetail, toVenue } from './cobuilding.present.js';
import { UnitsService } from './units.service.js';
import { VenuesService } from './venues.service.js';

const tags = ['cobuilding'];
const unitResponse = { 200: unitDetailSchema, ...errorResponses };

/** 驻区共建单位: units, their members and joint activities; 场所联用: venues and bookings. */
export const unitRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const units = new UnitsService(ctx);
  const venues = new VenuesService(ctx);

  app.get(
    '/api/cobuilding-units',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary: 'Co-building units in scope (region= narrows) with member, activity and venue counts',
        querystring: regionListQuery,
        response: { 200: unitListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await units.list(request.principal.scope, request.query.region)).map(toUnit),
    }),
  );

  app.post(
    '/api/cobuilding-units',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Record a co-building unit (factory, agency, school…) of a region',
        body: createUnitBody,
        response: { 201: unitDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      return reply.code(201).send(toUnitDetail(await units.create(scope, request.body, actor)));
    },
  );

  app.get(
    '/api/cobuilding-units/:id',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary: 'A co-building unit with its linked members, joint activities and venues',
        params: idParams,
        response: unitResponse,
      },
    },
    async (request) => toUnitDetail(await units.detail(request.principal.scope, request.params.id)),
  );

  app.post(
    '/api/cobuilding-units/:id/members',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Link a party member registered in a community to the unit',
        params: idParams,
        body: unitMemberBody,
        response: unitResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toUnitDetail(await units.addMember(scope, request.params.id, request.body.memberId, actor));
    },
  );

  app.post(
    '/api/cobuilding-units/:id/activities',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary:
          'Record a joint activity in one of the eight co-building areas (optionally a volunteering one)',
        params: idParams,
        body: unitActivityBody,
        response: unitResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toUnitDetail(await units.addActivity(scope, request.params.id, request.body, actor));
    },
  );

  app.post(
    '/api/cobuilding-units/:id/venues',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Open a venue of the unit to residents, with capacity and opening hours (Beijing time)',
        params: idParams,
        body: createVenueBody,
        response: { 201: venueSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      return reply
        .code(201)
        .send(toVenue(await venues.create(scope, request.params.id, request.body, actor)));
    },
  );

  app.get(
    '/api/venues',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary: 'Venues of co-building units in scope',
        response: { 200: venueListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: (await venues.list(request.principal.scope)).map(toVenue) }),
  );

  app.get(
    '/api/venues/:id/bookings',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary: 'A venue’s bookings, latest first (cancelled ones included)',
        params: idParams,
        response: { 200: bookingListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await venues.bookings(request.principal.scope, request.params.id)).map(toBooking),
    }),
  );

  app.post(
    '/api/venues/:id/bookings',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary:
          'Book a venue for an activity: within its hours and capacity, never overlapping another booking',
        params: idParams,
        body: createBookingBody,
        response: { 201: bookingSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      return reply
        .code(201)
        .send(toBooking(await venues.book(scope, request.params.id, request.body, actor)));
    },
  );

  app.post(
    '/api/venue-bookings/:id/cancel',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Cancel a booking (with a reason); its time becomes free',
        params: idParams,
        body: cancelBookingBody,
        response: { 200: bookingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toBooking(await venues.cancel(scope, request.params.id, request.body.reason, actor));
    },
  );
};
