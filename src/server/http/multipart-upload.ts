import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './errors.js';

/** @fastify/multipart's own refusals, which the error handler already answers (413, 415). */
const KNOWN_REFUSALS = new Set([
  'FST_REQ_FILE_TOO_LARGE',
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
  'FST_PROTO_VIOLATION',
]);

/**
 * A multipart body that cannot be parsed (no boundary, a boundary its parts do not use, cut off
 * before its end) is the client's fault: a 400 with the error body, never a 500. The parser's
 * errors are plain Errors with a message only; the machine's own (ENOSPC…) keep their code and
 * pass on.
 */
export function asUploadFault(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (KNOWN_REFUSALS.has(code) || /^E[A-Z]+$/.test(code))) return error;
  return new DomainError('request.malformed_multipart', 400);
}

/** `request.file()`, with a malformed body answered as the client's 400. */
export async function firstFile(
  request: FastifyRequest,
  options?: Parameters<FastifyRequest['file']>[0],
): Promise<MultipartFile | undefined> {
  try {
    return await request.file(options);
  } catch (error) {
    throw asUploadFault(error);
  }
}

/** The whole (small) file in memory, with a body cut off in the middle answered as a 400. */
export async function fileBytes(file: MultipartFile): Promise<Buffer> {
  try {
    return await file.toBuffer();
  } catch (error) {
    throw asUploadFault(error);
  }
}
