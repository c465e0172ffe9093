import { queryOptions } from '@tanstack/react-query';
import { api, download } from './client';
import type { ImportJob, Items } from './types';

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
};

const POLL_MS = 1000;

/** Recent imports of the user's jurisdiction; polled while one of them runs. */
export const importsQuery = queryOptions({
  queryKey: importKeys.list,
  queryFn: () => api<Items<ImportJob>>('GET', '/api/imports').then((r) => r.items),
  refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'running') ? POLL_MS : false),
});

/** One import, polled every second until it has finished. */
export const importJobQuery = (id: string) =>
  queryOptions({
    queryKey: importKeys.job(id),
    queryFn: () => api<ImportJob>('GET', `/api/imports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
    retry: false,
  });

/** Uploads a file; the import runs in the background (answered at once with the job). */
export function startImport(file: File, skipInvalid: boolean): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportJob>('POST', '/api/imports', {
    query: { skipInvalid: String(skipInvalid) },
    body: form,
  });
}

export const downloadTemplate = () => download('GET', '/api/imports/template', 'template.xlsx');

export const downloadReport = (id: string) => download('GET', `/api/imports/${id}/report`, 'errors.xlsx');
