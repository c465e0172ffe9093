import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  boundariesQuery,
  cockpitExportQuery,
  cockpitQuery,
  cockpitSchema,
  featureCollectionSchema,
  monthlyReportQuery,
} from '../../../shared/api/cockpit.js';
import { errorResponses } from '../../../shared/api/common.js';
import { attachment, XLSX_TYPE } from '../../http/xlsx-download.js';
import { languageFromHeader } from '../../i18n/messages.js';
import type { ServiceContext } from '../../services.js';
import { CockpitService } from './cockpit.service.js';
import { cockpitWorkbook, nodeName } from './cockpit-export.js';
import { renderMonthlyReport } from './cockpit-report.js';
import { INDICATORS } from './indicators.js';
import { reportFont } from './report-font.js';
import { beijingMonth } from './rollups.js';

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
        querystring: cockpitQuery,
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
        querystring: boundariesQuery,
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
        querystring: cockpitExportQuery,
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
        querystring: monthlyReportQuery,
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
