import type { FastifyInstance } from 'fastify';
import { fieldError } from './errors.js';

/**
 * Where the first NUL character sits in a parsed request part (in a string or in a key), as a
 * field path; undefined when there is none. Walks with its own stack: a body nested 10,000 deep
 * must not overflow the call stack here.
 */
export function nulPath(value: unknown, prefix: string): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: prefix }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path || '(body)';
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push({ value: item, path: path ? `${path}.${index}` : String(index) });
      });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, inner] of Object.entries(current)) {
        const innerPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return innerPath.replaceAll('\u0000', '\\0');
        pending.push({ value: inner, path: innerPath });
      }
    }
  }
  return undefined;
}

/**
 * No field of this application holds a NUL character, and PostgreSQL cannot store one in text or
 * jsonb (it answers "invalid byte sequence", a 500) while SQLite stores it silently. So any request
 * carrying one, in its path, query or JSON body, is refused before validation with a 400 that
 * names the field: the same answer on both databases, for every route, present and future.
 */
export function registerNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path =
      nulPath(request.params, 'params') ?? nulPath(request.query, 'query') ?? nulPath(request.body, '');
    if (path) throw fieldError(path, 'field.nul_character');
  });
}
