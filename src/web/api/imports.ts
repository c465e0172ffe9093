import { queryOptions } from '@tanstack/react-query';
import { importJobListSchema, importJobSchema } from '../../shared/api/register';
import { api, download } from './client';
import type { ImportJob } from './types';

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
};

const POLL_MS = 1000;

/** Recent imports of the user's jurisdiction; polled while one of them runs. */
export const importsQuery = queryOptions({
  queryKey: importKeys.list,
  queryFn: () => api('GET', '/api/imports', importJobListSchema).then((r) => r.items),
  refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'running') ? POLL_MS : false),
});

/** One import, polled every second until it has finished. */
export const importJobQuery = (id: string) =>
  queryOptions({
    queryKey: importKeys.job(id),
    queryFn: () => api('GET', `/api/imports/${id}`, importJobSchema),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
    retry: false,
  });

/** Uploads a file to `path`; the import runs in the background (answered at once with the job). */
function upload(path: string, file: File, skipInvalid: boolean): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('POST', path, importJobSchema, { query: { skipInvalid: String(skipInvalid) }, body: form });
}

/** Residents into the register. */
export const startImport = (file: File, skipInvalid: boolean) => upload('/api/imports', file, skipInvalid);

export const downloadTemplate = () => download('GET', '/api/imports/template', 'template.xlsx');

/** Members into the organizations named in the file; the job is polled like a resident import. */
export const startMemberImport = (file: File, skipInvalid: boolean) =>
  upload('/api/members/import', file, skipInvalid);

export const downloadMemberTemplate = () => download('GET', '/api/members/import/template', 'members.xlsx');

export const downloadReport = (id: string) => download('GET', `/api/imports/${id}/report`, 'errors.xlsx');
