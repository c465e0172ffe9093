import fs from 'node:fs';
import path from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../db/unique-violation.js';
import { type Language, languageFromHeader, type MessageCode, translate } from '../i18n/messages.js';
import { DomainError } from './errors.js';
import { describeValidation, type FieldProblem } from './validation-fields.js';

export interface ErrorBody {
  code: string;
  message: string;
  requestId: string;
  fields?: FieldProblem[];
}

export const requestLanguage = (request: FastifyRequest): Language =>
  languageFromHeader(request.headers['accept-language']);

/** Fastify's own failures that are the client's fault, by Fastify error code. */
const frameworkErrors: Record<string, { status: number; code: MessageCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.malformed_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.malformed_json' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'request.too_large' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_FILES_LIMIT: { status: 413, code: 'request.too_large' },
};

function send(reply: FastifyReply, status: number, body: Omit<ErrorBody, 'requestId'>): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ ...body, requestId: String(reply.request.id) });
}

/** The router's own refusals, before any route runs: a path that does not decode, a huge parameter. */
const routerErrors: Record<string, { status: number; code: MessageCode }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'request.bad_url' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'request.path_too_long' },
};

/**
 * Fastify's `frameworkErrors` option: the router answers these before the error handler is in
 * play, in its own shape; here they get the same `{code, message, requestId}` body as the rest.
 */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = (error.code ? routerErrors[error.code] : undefined) ?? {
    status: 400,
    code: 'request.bad_url' as const,
  };
  send(reply, known.status, { code: known.code, message: translate(known.code, requestLanguage(request)) });
}

/**
 * The one place errors become responses: domain errors keep their code, validation errors name
 * each field, anything unexpected is logged and answered with only the request id.
 */
export function registerErrorHandler(app: FastifyInstance, webRoot: string): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const language = requestLanguage(request);
    if (error instanceof DomainError) {
      const fields = error.fields?.map((f) => ({
        path: f.path,
        message: translate(f.code, language, f.params),
      }));
      return send(reply, error.status, {
        code: error.code,
        message: translate(error.code, language, error.params),
        ...(fields ? { fields } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(reply, 400, {
        code: 'request.validation',
        message: translate('request.validation', language),
        fields: describeValidation(error.validation, error.validationContext, language),
      });
    }
    const known = error.code ? frameworkErrors[error.code] : undefined;
    if (known) {
      return send(reply, known.status, {
        code: known.code,
        message: translate(known.code, language, { type: request.headers['content-type'] ?? '' }),
      });
    }
    if (error.statusCode === 429) {
      return send(reply, 429, {
        code: 'auth.rate_limited',
        message: translate('auth.rate_limited', language),
      });
    }
    if (isUniqueViolation(error)) {
      // A check-then-insert lost a race: another request wrote the same key between this one's
      // check and its insert, and the transaction rolled back. Nothing was written; the caller
      // reloads and sees the other request's record (or tries again).
      request.log.warn({ err: error }, 'unique key conflict');
      return send(reply, 409, { code: 'request.conflict', message: translate('request.conflict', language) });
    }
    if (typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY')) {
      // Another connection (a large import) held the write lock longer than busy_timeout:
      // nothing was written, and trying again later will work.
      request.log.warn({ err: error }, 'database busy');
      reply.header('retry-after', '5');
      return send(reply, 503, { code: 'database.busy', message: translate('database.busy', language) });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { code: 'internal.error', message: translate('internal.error', language) });
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: a page URL the server does not know is the app's to show.
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/open311/');
    if (isPage && fs.existsSync(path.join(webRoot, 'index.html'))) {
      return reply.type('text/html').sendFile('index.html', webRoot);
    }
    const language = requestLanguage(request);
    return send(reply, 404, { code: 'route.not_found', message: translate('route.not_found', language) });
  });
}
