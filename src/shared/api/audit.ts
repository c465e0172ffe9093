import { z } from 'zod';
import { cursorParam, limitSchema, optionalText, pageOf } from './common.js';

/** Request and response shapes of the audit log (/api/audit). */

const isoTime = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value).toISOString())
    .optional(),
);

export const auditQuery = z.object({
  actor: optionalText(32),
  action: optionalText(64),
  targetType: optionalText(32),
  targetId: optionalText(64),
  from: isoTime,
  to: isoTime,
  cursor: cursorParam,
  limit: limitSchema,
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    regionCode: z.string(),
    summary: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
