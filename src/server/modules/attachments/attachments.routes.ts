import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyHeaders,
  idempotentErrorResponses,
  idParams,
} from '../../../shared/api/common.js';
import { attachmentSchema } from '../../../shared/api/work-orders.js';
import { DomainError } from '../../http/errors.js';
import { fileBytes, firstFile } from '../../http/multipart-upload.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-store.js';
import type { AttachmentsService } from './attachments.service.js';

/** Upload (multipart field "file") and download of an order's photos and documents. */
export const attachmentsRoutes: FastifyPluginAsyncZod<{
  attachments: AttachmentsService;
}> = async (app, { attachments }) => {
  app.post(
    '/api/work-orders/:id/attachments',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['work-orders'],
        summary: 'Attach a photo (JPEG, PNG, WebP) or a PDF to an order, up to 10 MB; checked by content',
        description:
          'With an Idempotency-Key header (a UUID), the same file sent again answers the attachment stored the first time.',
        params: idParams,
        headers: idempotencyHeaders,
        response: { 201: attachmentSchema, ...idempotentErrorResponses },
      },
    },
    async (request, reply) => {
      const file = await firstFile(request, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1 } });
      if (!file)
        throw new DomainError('request.validation', 400, {}, [{ path: 'file', code: 'field.required' }]);
      const bytes = await fileBytes(file);
      if (file.file.truncated || bytes.length > MAX_ATTACHMENT_BYTES) {
        throw new DomainError('workorder.attachment_too_large', 400, {
          megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
        });
      }
      const row = await attachments.upload(
        request.principal,
        request.params.id,
        { fileName: file.filename, bytes },
        request.headers[IDEMPOTENCY_KEY_HEADER],
      );
      return reply.code(201).send({
        id: row.id,
        eventId: row.event_id,
        fileName: row.file_name,
        mediaType: row.media_type,
        size: row.size,
        hasThumbnail: row.has_thumbnail === 1,
        createdAt: row.created_at,
      });
    },
  );

  for (const thumbnail of [false, true]) {
    app.get(
      thumbnail ? '/api/work-order-attachments/:id/thumbnail' : '/api/work-order-attachments/:id',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['work-orders'],
          summary: thumbnail ? 'A 320-pixel WebP thumbnail of a photo' : 'The attached file itself',
          params: idParams,
        },
      },
      async (request, reply) => {
        const found = await attachments.locate(request.principal, request.params.id, thumbnail);
        if (!fs.existsSync(found.file)) throw new DomainError('workorder.attachment_not_found', 404);
        return reply
          .type(found.mediaType)
          .header(
            'content-disposition',
            `inline; filename="attachment"; filename*=UTF-8''${encodeURIComponent(found.attachment.file_name)}`,
          )
          .send(fs.createReadStream(found.file));
      },
    );
  }
};
