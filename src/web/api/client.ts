import { z } from 'zod';
import { acceptLanguage } from '../i18n/language';

export interface FieldProblem {
  path: string;
  message: string;
}

/** A failed API call. `message` is the server's, already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No answer at all (server down, network gone). */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

type UnauthorizedHandler = (error: ApiError) => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The session provider registers what happens when a session has ended (a 401 anywhere). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** For login and the session probe: a 401 there is an answer, not an ended session. */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (an Idempotency-Key). */
  headers?: Record<string, string>;
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** An error body as far as it could be read: each part is used only when it has the right shape. */
const errorBody = z
  .object({
    code: z.string().optional().catch(undefined),
    message: z.string().optional().catch(undefined),
    requestId: z.string().optional().catch(undefined),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).catch([]),
  })
  .catch({ fields: [] });

async function errorFrom(response: Response): Promise<ApiError> {
  let raw: unknown = {};
  try {
    raw = await response.json();
  } catch {
    // A proxy's HTML error page: keep the status, use a generic message.
  }
  const body = errorBody.parse(raw);
  const fields: FieldProblem[] = body.fields;
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : `http.${response.status}`,
    typeof body.message === 'string' ? body.message : response.statusText,
    typeof body.requestId === 'string' ? body.requestId : response.headers.get('x-request-id'),
    fields,
  );
}

/** Sends a request; answers the response when it is OK, throws ApiError / NetworkError otherwise. */
async function send(
  method: string,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: accept,
    'Accept-Language': acceptLanguage(),
  };
  // FormData (an upload) sets its own multipart Content-Type with the boundary.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? null
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && !options.expectUnauthorized) onUnauthorized(error);
    throw error;
  }
  return response;
}

/**
 * The server answered something its schema (src/shared/api) does not describe: the web and the
 * server disagree. Thrown rather than passed on, so that a page never renders a half-understood
 * answer; the console names the route and every field that did not match.
 */
export class ApiShapeError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problems: string,
  ) {
    super(`${method} ${path}: the answer does not match its schema\n${problems}`);
    this.name = 'ApiShapeError';
  }
}

/**
 * Calls the API and parses the answer with the route's response schema from src/shared/api, in
 * every build: a parse costs little next to the request, and a mismatch found in production is
 * a clear error instead of a page that quietly shows `undefined`. A 204 answers `undefined`
 * (pass `noContent`).
 */
export async function api<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(method, path, options, 'application/json');
  const body: unknown = response.status === 204 ? undefined : await response.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const error = new ApiShapeError(method, path.split('?')[0] ?? path, z.prettifyError(parsed.error));
    console.error(error.message);
    throw error;
  }
  return parsed.data;
}

/** A file the server sends (spreadsheets): its content and the name it suggests. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** `attachment; filename="a.xlsx"; filename*=UTF-8''%E5%B1%85…` → the UTF-8 name when given. */
function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed name: try the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

export async function download(
  method: string,
  path: string,
  fallbackName: string,
  options: RequestOptions = {},
): Promise<DownloadedFile> {
  const response = await send(method, path, options, '*/*');
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName),
  };
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);
