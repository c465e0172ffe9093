import type { z } from 'zod';
import type { importJobSchema } from '../../../shared/api/register.js';
import type { ImportJob } from '../../db/tables.js';

/** An import job row → its shape in src/shared/api/register.ts (used by the register and the members import). */
export const toJobDto = (job: ImportJob): z.infer<typeof importJobSchema> => ({
  id: job.id,
  kind: job.kind === 'members' ? 'members' : 'residents',
  fileName: job.file_name,
  status: job.status,
  skipInvalid: job.skip_invalid === 1,
  progress: job.progress,
  totalRows: job.total_rows,
  created: job.created_rows,
  updated: job.updated_rows,
  unchanged: job.unchanged_rows,
  invalid: job.invalid_rows,
  hasReport: Boolean(job.report_file),
  message: job.message,
  startedAt: job.started_at,
  finishedAt: job.finished_at,
});
