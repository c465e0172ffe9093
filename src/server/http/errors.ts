import type { MessageCode } from '../i18n/messages.js';

/** A failure the caller can act on: a stable code, an HTTP status, and params for the message. */
export class DomainError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fields?: { path: string; code: MessageCode; params?: Record<string, unknown> }[],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const notFound = (code: MessageCode, params?: Record<string, unknown>) =>
  new DomainError(code, 404, params);
export const conflict = (code: MessageCode, params?: Record<string, unknown>) =>
  new DomainError(code, 409, params);
export const badRequest = (code: MessageCode, params?: Record<string, unknown>) =>
  new DomainError(code, 400, params);
/** A 400 that names one bad field, for rules the schema cannot express (uniqueness, policy). */
export const fieldError = (path: string, code: MessageCode, params?: Record<string, unknown>) =>
  new DomainError('request.validation', 400, {}, [{ path, code, ...(params ? { params } : {}) }]);
export const forbidden = () => new DomainError('auth.forbidden', 403);
export const unauthenticated = (code: MessageCode = 'auth.required') => new DomainError(code, 401);
