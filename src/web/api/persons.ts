import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { noContent } from '../../shared/api/common';
import {
  type CorrectBody,
  personDetailSchema,
  personPageSchema,
  revealedSchema,
  subjectExportSchema,
  tagListSchema,
} from '../../shared/api/register';
import { api, download } from './client';
import type { Gender, HealthRecord, RevealField } from './types';

/** Every person query key starts with 'persons': an import or a correction refreshes them together. */
export const personKeys = {
  all: ['persons'] as const,
  list: (filter: PersonFilter) => ['persons', 'list', filter] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
};

/** The list's filters; empty strings and nulls mean "not filtered". */
export interface PersonFilter {
  q: string;
  region: string;
  tag: string;
  gender: Gender | '';
  ageMin: number | null;
  ageMax: number | null;
}

export const emptyPersonFilter: PersonFilter = {
  q: '',
  region: '',
  tag: '',
  gender: '',
  ageMin: null,
  ageMax: null,
};

const PAGE_SIZE = 50;

export const personsQuery = (filter: PersonFilter) =>
  infiniteQueryOptions({
    queryKey: personKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/persons', personPageSchema, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: personKeys.detail(id),
    queryFn: () => api('GET', `/api/persons/${id}`, personDetailSchema),
    retry: false,
  });

export const tagsQuery = queryOptions({
  queryKey: ['tags'],
  queryFn: () => api('GET', '/api/tags', tagListSchema).then((r) => r.items),
  staleTime: Number.POSITIVE_INFINITY,
});

/** One protected value in clear; the reason goes to the audit log. */
export const revealField = (id: string, field: RevealField, reason: string) =>
  api('POST', `/api/persons/${id}/reveal`, revealedSchema, {
    body: { field, reason },
  }).then((r) => r.value);

/** What a correction may change (a null phone removes the number). */
export type PersonCorrection = CorrectBody;

export const correctPerson = (id: string, changes: PersonCorrection) =>
  api('PATCH', `/api/persons/${id}`, personDetailSchema, { body: changes });

export const saveHealthRecord = (id: string, record: HealthRecord) =>
  api('PUT', `/api/persons/${id}/health`, noContent, { body: record });

export const anonymizePerson = (id: string, reason: string) =>
  api('POST', `/api/persons/${id}/anonymize`, noContent, { body: { reason } });

/** Everything held about the person, in clear (a data-subject access request). */
export const subjectExport = (id: string, reason: string) =>
  api('POST', `/api/persons/${id}/subject-export`, subjectExportSchema, { body: { reason } });

/** The filtered list as .xlsx: masked, or in clear when a reason is given. */
export function exportPersons(filter: PersonFilter, revealReason?: string) {
  const body: Record<string, unknown> = {};
  if (filter.q) body.q = filter.q;
  if (filter.region) body.region = filter.region;
  if (filter.tag) body.tag = filter.tag;
  if (filter.gender) body.gender = filter.gender;
  if (filter.ageMin !== null) body.ageMin = filter.ageMin;
  if (filter.ageMax !== null) body.ageMax = filter.ageMax;
  if (revealReason) body.reveal = { reason: revealReason };
  return download('POST', '/api/persons/export', 'residents.xlsx', { body });
}

/** A short list of residents matching a search, for pickers (name, initials, ID number, phone). */
export const personSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['persons', 'search', q] as const,
    queryFn: ({ signal }) =>
      api('GET', '/api/persons', personPageSchema, { query: { q, limit: 20 }, signal }).then((r) => r.items),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
