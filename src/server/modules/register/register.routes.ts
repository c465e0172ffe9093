import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  correctBody,
  exportBody,
  healthBody,
  householdSchema,
  importJobListSchema,
  importJobSchema,
  importQuery,
  neighbourListSchema,
  neighbourMapParams,
  neighbourMapSchema,
  personDetailSchema,
  personPageSchema,
  personQuerySchema,
  reasonBody,
  revealBody,
  revealedSchema,
  subjectExportSchema,
  tagListSchema,
} from '../../../shared/api/register.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { DomainError, forbidden } from '../../http/errors.js';
import { attachment, sendWrittenXlsx, XLSX_TYPE } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import type { HouseholdsService } from './households.service.js';
import { writeResidentTemplate } from './import/spreadsheet-writer.js';
import { toJobDto } from './import-jobs.dto.js';
import type { ImportJobsService } from './import-jobs.service.js';
import type { PersonsService } from './persons.service.js';
import { exportPersons } from './persons-export.js';

interface Deps {
  ctx: ServiceContext;
  persons: PersonsService;
  households: HouseholdsService;
  imports: ImportJobsService;
}

/**
 * The masked and the clear export are told apart by name (a clear file must not be mistaken for
 * one that may be passed around) and carry the day they were made (Beijing time).
 */
export function exportFileName(reveal: boolean, now: Date): string {
  const day = beijingDate(now);
  return reveal
    ? attachment(`residents-clear-${day}.xlsx`, `居民信息-明文-${day}.xlsx`)
    : attachment(`residents-masked-${day}.xlsx`, `居民信息-脱敏-${day}.xlsx`);
}

export const registerRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { ctx, persons, households, imports },
) => {
  app.get(
    '/api/tags',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['register'],
        response: { 200: tagListSchema },
      },
    },
    async () => ({
      items: (await persons.tags()).map((t) => ({ code: t.code, name: t.name })),
    }),
  );

  app.get(
    '/api/persons',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['register'],
        summary:
          'Search and list persons in scope (name, pinyin, initials, phone last 4, ID number, address)',
        querystring: personQuerySchema,
        response: { 200: personPageSchema, ...errorResponses },
      },
    },
    async (request) =>
      persons.list(request.principal.scope, request.query, {
        actor: request.principal.actor,
        via: 'register',
      }),
  );

  app.get(
    '/api/persons/:id',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['register'],
        params: idParams,
        response: { 200: personDetailSchema, ...errorResponses },
      },
    },
    async (request) => persons.get(request.principal.scope, request.params.id),
  );

  app.post(
    '/api/persons/:id/reveal',
    {
      config: { permission: 'person.reveal' },
      schema: {
        tags: ['register'],
        summary: 'Show one protected value in clear, for a reason that goes to the audit log',
        params: idParams,
        body: revealBody,
        response: { 200: revealedSchema, ...errorResponses },
      },
    },
    async (request) => ({
      field: request.body.field,
      value: await persons.reveal(
        request.principal.scope,
        request.params.id,
        request.body.field,
        request.body.reason,
        request.principal.actor,
      ),
    }),
  );

  app.patch(
    '/api/persons/:id',
    {
      config: { permission: 'person.write' },
      schema: {
        tags: ['register'],
        params: idParams,
        body: correctBody,
        response: { 200: personDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      persons.correct(request.principal.scope, request.params.id, request.body, request.principal.actor),
  );

  app.put(
    '/api/persons/:id/health',
    {
      config: { permission: 'person.write' },
      schema: {
        tags: ['register'],
        params: idParams,
        body: healthBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await persons.setHealthRecord(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/persons/:id/anonymize',
    {
      config: { permission: 'person.write' },
      schema: {
        tags: ['register'],
        summary: 'Data-subject deletion: replace name and identifiers, keep history for statistics',
        params: idParams,
        body: reasonBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await persons.anonymize(
        request.principal.scope,
        request.params.id,
        request.body.reason,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/persons/:id/subject-export',
    {
      config: { permission: 'person.reveal' },
      schema: {
        tags: ['register'],
        summary: 'Data-subject access: everything held about one person, in clear (audited)',
        params: idParams,
        body: reasonBody,
        response: { 200: subjectExportSchema, ...errorResponses },
      },
    },
    async (request) =>
      persons.subjectExport(
        request.principal.scope,
        request.params.id,
        request.body.reason,
        request.principal.actor,
      ),
  );

  app.post(
    '/api/persons/export',
    {
      config: { permission: 'person.export' },
      schema: {
        tags: ['register'],
        summary: 'The filtered list as .xlsx in the import template layout',
        body: exportBody,
      },
    },
    async (request, reply) => {
      const { reveal, ...query } = request.body;
      // Exporting in clear needs the reveal permission over the same regions.
      if (reveal) {
        const revealScope = request.principal.scopeFor('person.reveal');
        if (!request.principal.scope.roots.every((root) => revealScope.includes(root))) throw forbidden();
      }
      const write = await exportPersons(ctx, persons, request.principal.scope, query, {
        reveal,
        actor: request.principal.actor,
      });
      const stream = new PassThrough();
      write(stream).catch((error: unknown) => {
        request.log.error({ err: error }, 'export failed');
        stream.destroy(error as Error);
      });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', exportFileName(reveal !== undefined, ctx.now()))
        .send(stream);
    },
  );

  app.get(
    '/api/households/:id',
    {
      config: { permission: 'person.read' },
      schema: { tags: ['register'], params: idParams, response: { 200: householdSchema, ...errorResponses } },
    },
    async (request) => households.get(request.principal.scope, request.params.id),
  );

  app.get(
    '/api/households/:id/neighbours',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['register'],
        params: idParams,
        response: { 200: neighbourListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await households.neighbours(request.principal.scope, request.params.id) }),
  );

  app.get(
    '/api/regions/:code/neighbour-map',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['register'],
        params: neighbourMapParams,
        response: { 200: neighbourMapSchema, ...errorResponses },
      },
    },
    async (request) => households.neighbourMap(request.principal.scope, request.params.code),
  );

  app.get(
    '/api/imports/template',
    {
      config: { permission: 'person.import' },
      schema: { tags: ['register'], summary: 'The resident import template' },
    },
    async (_request, reply) => {
      return sendWrittenXlsx(reply, writeResidentTemplate, {
        ascii: 'template.xlsx',
        name: '居民信息导入模板.xlsx',
      });
    },
  );

  app.post(
    '/api/imports',
    {
      config: { permission: 'person.import' },
      schema: {
        tags: ['register'],
        summary: 'Upload an .xlsx/.csv (multipart field "file"); the import runs in the background',
        querystring: importQuery,
        response: { 202: importJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const upload = await imports.receive(request, 'residents');
      const job = await imports.start(
        request.principal.scope,
        upload,
        request.query.skipInvalid === 'true',
        request.principal.actor,
      );
      return reply.code(202).send(toJobDto(job));
    },
  );

  app.get(
    '/api/imports',
    {
      config: { permission: 'person.import' },
      schema: {
        tags: ['register'],
        response: { 200: importJobListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: (await imports.list(request.principal.scope, 20)).map(toJobDto) }),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { permission: 'person.import' },
      schema: { tags: ['register'], params: idParams, response: { 200: importJobSchema, ...errorResponses } },
    },
    async (request) => toJobDto(await imports.get(request.principal.scope, request.params.id)),
  );

  app.get(
    '/api/imports/:id/report',
    {
      config: { permission: 'person.import' },
      schema: {
        tags: ['register'],
        summary: 'The error report: the uploaded rows with 错误原因',
        params: idParams,
      },
    },
    async (request, reply) => {
      const job = await imports.get(request.principal.scope, request.params.id);
      if (!job.report_file || !fs.existsSync(job.report_file)) throw new DomainError('import.no_report', 404);
      const name = `${path.basename(job.file_name, path.extname(job.file_name))}.errors.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('errors.xlsx', name))
        .send(fs.createReadStream(job.report_file));
    },
  );
};
