import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponses,
  idSchema,
  limitSchema,
  optionalText,
  regionCodeSchema,
} from '../../../shared/api/common.js';
import {
  accountDetailSchema,
  accountListSchema,
  accountSchema,
  createdSchema,
  donationBody,
  limitsBody,
  limitsResponseSchema,
  openAccountBody,
  transferBody,
} from '../../../shared/api/timebank.js';
import { cursorParam } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { type AccountSide, toAccountDto, toLedgerRowDto } from './timebank.present.js';
import { TimebankService } from './timebank.service.js';

const tags = ['timebank'];
const idParams = z.object({ id: idSchema });

/** 爱心银行: accounts, transfers, corrections, 爱心传递 and the limits. */
export const timebankRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const timebank = new TimebankService(ctx);

  app.get(
    '/api/timebank/accounts',
    {
      config: { permission: 'timebank.read' },
      schema: {
        tags,
        summary: 'Time-bank accounts in scope, by owner name',
        querystring: z.object({ q: optionalText(50), cursor: cursorParam, limit: limitSchema }),
        response: { 200: accountListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await timebank.list(request.principal.scope, request.query);
      return { items: result.items.map(toAccountDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/timebank/accounts',
    {
      config: { permission: 'timebank.write' },
      schema: {
        tags,
        summary: 'Open the account of a person, household or organization in scope (with the starter grant)',
        body: openAccountBody,
        response: { 200: accountSchema, 201: accountSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const opened = await timebank.open(request.principal.scope, request.body, request.principal.actor);
      return reply.code(opened.created ? 201 : 200).send(toAccountDto(opened.account));
    },
  );

  app.get(
    '/api/timebank/accounts/:id',
    {
      config: { permission: 'timebank.read' },
      schema: {
        tags,
        summary: 'One account with its latest ledger rows',
        params: idParams,
        response: { 200: accountDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope } = request.principal;
      const { account, ledger } = await timebank.get(scope, request.params.id);
      // A counterpart outside the reader's scope (a team elsewhere crediting hours) shows masked.
      const mayKnow = (side: AccountSide) => scope.includes(side.regionCode);
      return { ...toAccountDto(account), ledger: ledger.map((row) => toLedgerRowDto(row, mayKnow)) };
    },
  );

  app.post(
    '/api/timebank/transfers',
    {
      config: { permission: 'timebank.write' },
      schema: {
        tags,
        summary: 'Move minutes between two accounts in scope (409 timebank.insufficient / timebank.ceiling)',
        body: transferBody,
        response: { 201: createdSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await timebank.transfer(request.principal.scope, request.body, request.principal.actor);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/timebank/transfers/:id/reverse',
    {
      config: { permission: 'timebank.write' },
      schema: {
        tags,
        summary: 'Correct a transfer with a linked reversing transfer (ledger rows are never changed)',
        params: idParams,
        body: z.object({ memo: z.string().trim().max(200).optional() }),
        response: { 201: createdSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await timebank.reverse(
        request.principal.scope,
        request.params.id,
        request.body.memo,
        request.principal.actor,
      );
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/timebank/donations',
    {
      config: { permission: 'timebank.write' },
      schema: {
        tags,
        summary: '爱心传递: give minutes to a person, or to the giver’s community fund',
        body: donationBody,
        response: { 201: createdSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await timebank.donate(request.principal.scope, request.body, request.principal.actor);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/timebank/limits',
    {
      config: { permission: 'timebank.read' },
      schema: {
        tags,
        summary:
          'Floors, ceilings and starter grants in force in the district of a region, with their change log',
        querystring: z.object({ region: regionCodeSchema }),
        response: { 200: limitsResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await timebank.limits(request.principal.scope, request.query.region);
      return {
        districtCode: result.districtCode,
        limits: Object.entries(result.current).map(([ownerKind, limits]) => ({
          ownerKind: accountSchema.shape.ownerKind.parse(ownerKind),
          ...limits,
        })),
        changes: result.changes.map((change) => ({
          id: change.id,
          ownerKind: change.owner_kind,
          floorMinutes: Number(change.floor_minutes),
          ceilingMinutes: Number(change.ceiling_minutes),
          starterGrantMinutes: Number(change.starter_grant_minutes),
          changedBy: change.changed_by,
          changedAt: change.changed_at,
        })),
      };
    },
  );

  app.put(
    '/api/districts/:district/timebank-limits',
    {
      config: { permission: 'timebank.settings' },
      schema: {
        tags,
        summary: 'Change one account kind’s floor, ceiling and starter grant in a whole district',
        params: z.object({ district: z.string().regex(/^\d{6}$/, 'field.region_code') }),
        body: limitsBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await timebank.setLimits(
        request.principal.scope,
        request.params.district,
        request.body,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );
};
