import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestLanguage } from '../../http/error-handler.js';
import { DomainError } from '../../http/errors.js';
import { type MessageCode, translate } from '../../i18n/messages.js';
import type { GeoReportService } from './georeport.service.js';
import {
  CONTENT_TYPES,
  docList,
  type GeoReportDocument,
  type GeoReportFormat,
  render,
} from './georeport-document.js';
import { optionalParam, parseFormBody, readFields } from './georeport-form.js';
import { hashKey } from './open311-keys.service.js';

const FORMATS: readonly GeoReportFormat[] = ['json', 'xml'];
/** Requests one API key may POST per minute. */
export const POSTS_PER_MINUTE = 60;
const PUBLIC_READ = 'Open311 GeoReport v2 (public read per the specification)';

/** The format a URL asks for by its extension; XML (the format the specification requires) otherwise. */
export function formatOfUrl(url: string): GeoReportFormat {
  return url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml';
}

/** `livelihood.repair.json` → the service code and the format; undefined for another extension. */
function splitFile(file: string): { name: string; format: GeoReportFormat } | undefined {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1);
  if (dot <= 0 || (format !== 'json' && format !== 'xml')) return undefined;
  return { name: file.slice(0, dot), format };
}

function send(reply: FastifyReply, format: GeoReportFormat, document: GeoReportDocument, status = 200) {
  return reply.code(status).type(CONTENT_TYPES[format]).send(render(document, format));
}

function sendErrors(
  reply: FastifyReply,
  status: number,
  errors: { code: number; description: string }[],
): FastifyReply {
  const document = { root: 'errors', body: docList('error', errors) };
  return send(reply, formatOfUrl(reply.request.url), document, status);
}

/**
 * The router's refusals (an undecodable path, a parameter over 100 characters) under /open311,
 * before any route runs: the specification's error list, 400, like every other bad request.
 */
export function answerOpen311RouterError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code: MessageCode =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'request.path_too_long' : 'request.bad_url';
  sendErrors(reply, 400, [{ code: 400, description: translate(code, requestLanguage(request)) }]);
}

/** Fastify's own client errors in the specification's terms: 400 for any request that cannot be served. */
const frameworkMessages: Record<string, MessageCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
};

const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

/**
 * Open311 GeoReport v2 under /open311/v2 (registered with that prefix). Every answer, errors
 * included, is in the format the URL's extension names; errors are the specification's list of
 * { code, description } with 400, 403 or 404. Reading is public; POST needs an API key.
 */
export const geoReportRoutes: FastifyPluginAsyncZod<{ geoReport: GeoReportService }> = async (
  app,
  { geoReport },
) => {
  // The specification's POST is form-encoded; only this context understands that content type.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => done(null, parseFormBody(String(body))),
  );

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const language = requestLanguage(request);
    if (error instanceof DomainError) {
      const describe = (code: MessageCode, params?: Record<string, unknown>) =>
        translate(code, language, params);
      const errors = error.fields?.length
        ? error.fields.map((field) => ({
            code: error.status,
            description: `${field.path}: ${describe(field.code, field.params)}`,
          }))
        : [{ code: error.status, description: describe(error.code, error.params) }];
      return sendErrors(reply, error.status, errors);
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendErrors(reply, 429, [{ code: 429, description: translate('auth.rate_limited', language) }]);
    }
    if (status >= 400 && status < 500) {
      const code = frameworkMessages[error.code] ?? 'open311.bad_request';
      const description = translate(code, language, { type: request.headers['content-type'] ?? '' });
      return sendErrors(reply, 400, [{ code: 400, description }]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendErrors(reply, 500, [{ code: 500, description: translate('internal.error', language) }]);
  });

  app.setNotFoundHandler((request, reply) =>
    sendErrors(reply, 404, [
      { code: 404, description: translate('open311.not_found', requestLanguage(request)) },
    ]),
  );

  // The data is public and no cookie is involved: any web page may read it.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });

  for (const format of FORMATS) {
    app.get(
      `/discovery.${format}`,
      { config: { public: PUBLIC_READ }, schema: { tags: ['open311'], summary: 'Service discovery' } },
      async (request, reply) => {
        const endpoint = `${request.protocol}://${request.host}/open311/v2`;
        return send(reply, format, await geoReport.discovery(endpoint, requestLanguage(request)));
      },
    );

    app.get(
      `/services.${format}`,
      { config: { public: PUBLIC_READ }, schema: { tags: ['open311'], summary: 'GET Service List' } },
      async (request, reply) => {
        const district = await geoReport.jurisdiction(query(request).jurisdiction_id);
        return send(reply, format, await geoReport.services(district, requestLanguage(request)));
      },
    );

    app.get(
      `/requests.${format}`,
      {
        config: { public: PUBLIC_READ },
        schema: { tags: ['open311'], summary: 'GET Service Requests (90 days, 1000 requests at most)' },
      },
      async (request, reply) => {
        const district = await geoReport.jurisdiction(query(request).jurisdiction_id);
        return send(
          reply,
          format,
          await geoReport.requests(district, query(request), requestLanguage(request)),
        );
      },
    );
  }

  app.post(
    '/requests.:format',
    {
      config: {
        public: 'Open311 POST Service Request: authenticated by its api_key, not by a session',
        crossSite: 'authenticated by its api_key; no session cookie is read',
        rateLimit: {
          max: POSTS_PER_MINUTE,
          timeWindow: '1 minute',
          // After parsing, so the limit counts per API key (or per address without one).
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => {
            const key =
              optionalParam(readFields(request.body).values.get('api_key')) ??
              optionalParam(query(request).api_key);
            return key ? `open311:${hashKey(key)}` : `open311-ip:${request.ip}`;
          },
        },
      },
      schema: { tags: ['open311'], summary: 'POST Service Request (form-encoded, with api_key)' },
    },
    async (request, reply) => {
      const format = (request.params as { format: string }).format;
      if (format !== 'json' && format !== 'xml') throw new DomainError('open311.unknown_format', 404);
      const document = await geoReport.create(
        readFields(request.body),
        query(request),
        request.actor,
        requestLanguage(request),
      );
      return send(reply, format, document);
    },
  );

  app.get(
    '/services/:file',
    {
      config: { public: PUBLIC_READ },
      schema: { tags: ['open311'], summary: 'GET Service Definition: /services/{service_code}.{json|xml}' },
    },
    async (request, reply) => {
      const file = splitFile((request.params as { file: string }).file);
      if (!file) throw new DomainError('open311.unknown_format', 404);
      const district = await geoReport.jurisdiction(query(request).jurisdiction_id);
      return send(
        reply,
        file.format,
        await geoReport.serviceDefinition(district, file.name, requestLanguage(request)),
      );
    },
  );

  app.get(
    '/requests/:file',
    {
      config: { public: PUBLIC_READ },
      schema: {
        tags: ['open311'],
        summary: 'GET Service Request: /requests/{service_request_id}.{json|xml}',
      },
    },
    async (request, reply) => {
      const file = splitFile((request.params as { file: string }).file);
      if (!file) throw new DomainError('open311.unknown_format', 404);
      const district = await geoReport.jurisdiction(query(request).jurisdiction_id);
      return send(reply, file.format, await geoReport.request(district, file.name, requestLanguage(request)));
    },
  );
};
