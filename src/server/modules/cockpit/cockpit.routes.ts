import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, regionCodeSchema } from '../../../shared/api/common.js';
import { attachment, XLSX_TYPE } from '../../http/xlsx-download.js';
import { languageFromHeader } from '../../i18n/messages.js';
import type { ServiceContext } from '../../services.js';
import { CockpitService } from './cockpit.service.js';
import { cockpitWorkbook, nodeName } from './cockpit-export.js';
import { renderMonthlyReport } from './cockpit-report.js';
import { INDICATORS } from './indicators.js';
import { reportFont } from './report-font.js';
import { beijingMonth } from './rollups.js';

const optionalRegion = z.preprocess((v) => (v === '' ? undefined : v), regionCodeSchema.optional());
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'cockpit.month_format');

const nodeSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
});
const valuesSchema = z.record(z.string(), z.number().nullable());
const rankedSchema = z.object({ code: z.string(), name: z.string(), value: z.number() }).nullable();

const cockpitSchema = z
  .object({
    node: nodeSchema,
    path: z.array(nodeSchema),
    months: z.array(z.string()),
    asOf: z.string().nullable(),
    indicators: z.array(
      z.object({
        code: z.string(),
        module: z.string(),
        label: z.object({ zh: z.string(), en: z.string() }),
        note: z.object({ zh: z.string(), en: z.string() }).optional(),
        unit: z.enum(['count', 'people', 'percent', 'hours']),
        better: z.enum(['higher', 'lower']),
        kind: z.enum(['flow', 'stock']),
      }),
    ),
    values: valuesSchema,
    trends: z.record(z.string(), z.array(z.number().nullable())),
    children: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        hasChildren: z.boolean(),
        values: valuesSchema,
      }),
    ),
    rankings: z.record(z.string(), z.object({ best: rankedSchema, worst: rankedSchema })),
  })
  .meta({ id: 'Cockpit' });

const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
      geometry: z.unknown(),
    }),
  ),
});

const INDICATOR_DEFINITIONS = INDICATORS.map(({ code, module, label, note, unit, better, kind }) => ({
  code,
  module,
  label,
  ...(note ? { note } : {}),
  unit,
  better,
  kind,
}));

/** The cockpit: indicators, children, trends; the children's outlines; Excel and PDF. All cockpit.read. */
export const cockpitRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const cockpit = new CockpitService(ctx);

  app.get(
    '/api/cockpit',
    {
      config: { permission: 'cockpit.read' },
      schema: {
        tags: ['cockpit'],
        summary:
          'Indicators of a region (default: the top of the caller’s scope; a city code 4 digits + 00 ranks its districts), its children and monthly trends',
        querystring: z.object({
          region: optionalRegion,
          months: z.coerce.number().int().min(1).max(36).default(12),
          to: z.preprocess((v) => (v === '' ? undefined : v), monthSchema.optional()),
        }),
        response: { 200: cockpitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, months, to } = request.query;
      const view = await cockpit.view(request.principal.scope, region, { months, ...(to ? { to } : {}) });
      return { ...view, indicators: INDICATOR_DEFINITIONS };
    },
  );

  app.get(
    '/api/cockpit/boundaries',
    {
      config: { permission: 'cockpit.read' },
      schema: {
        tags: ['cockpit'],
        summary: 'Outlines of the children of a region (GeoJSON FeatureCollection; none when not imported)',
        querystring: z.object({ region: optionalRegion }),
        response: { 200: featureCollectionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await cockpit.boundaries(request.principal.scope, request.query.region);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((row) => ({
          type: 'Feature' as const,
          properties: { code: row.region_code, name: row.name, kind: row.kind },
          geometry: JSON.parse(row.geometry) as unknown,
        })),
      };
    },
  );

  app.get(
    '/api/cockpit/export.xlsx',
    {
      config: { permission: 'cockpit.read' },
      schema: {
        tags: ['cockpit'],
        summary: 'Every table of the cockpit as an Excel workbook',
        querystring: z.object({
          region: optionalRegion,
          months: z.coerce.number().int().min(1).max(36).default(12),
        }),
      },
    },
    async (request, reply) => {
      const language = languageFromHeader(request.headers['accept-language']);
      const view = await cockpit.view(request.principal.scope, request.query.region, {
        months: request.query.months,
      });
      const overdue = await cockpit.overdue(request.principal.scope, view.node, view.children, 5000);
      const content = await cockpitWorkbook(view, overdue, language);
      const name = `${nodeName(view, language)}-${view.months.at(-1)}`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`cockpit-${view.months.at(-1)}.xlsx`, `${name}.xlsx`))
        .send(content);
    },
  );

  app.get(
    '/api/cockpit/report.pdf',
    {
      config: { permission: 'cockpit.read' },
      schema: {
        tags: ['cockpit'],
        summary: 'The monthly report of a region (PDF, Chinese font embedded) for the weekly meeting',
        querystring: z.object({
          region: optionalRegion,
          month: z.preprocess((v) => (v === '' ? undefined : v), monthSchema.optional()),
        }),
      },
    },
    async (request, reply) => {
      const language = languageFromHeader(request.headers['accept-language']);
      const font = reportFont(ctx.config.pdfFont);
      const month = request.query.month ?? beijingMonth(ctx.now().toISOString());
      const { region } = request.query;
      const year = await cockpit.view(request.principal.scope, region, { months: 12, to: month });
      const single = await cockpit.view(request.principal.scope, region, { months: 1, to: month });
      const listed = 60;
      const overdue = await cockpit.overdue(request.principal.scope, year.node, year.children, listed);
      const content = await renderMonthlyReport(
        {
          year,
          month: single,
          overdue,
          overdueTotal: Math.max(overdue.length, year.values.wo_overdue_now ?? 0),
          generatedAt: ctx.now().toISOString(),
        },
        font,
        language,
      );
      const name = `${nodeName(year, language)}-${month}`;
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`report-${month}.pdf`, `${name}.pdf`))
        .send(content);
    },
  );
};
