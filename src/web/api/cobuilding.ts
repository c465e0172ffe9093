import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  bookingListSchema,
  bookingSchema,
  type createBookingBody,
  type createProjectBody,
  type createTaskForceBody,
  type createUnitBody,
  type createVenueBody,
  followUpResultSchema,
  projectCoverageSchema,
  projectDetailSchema,
  projectListSchema,
  type resultBody,
  type secondmentBody,
  taskForceDetailSchema,
  taskForceListSchema,
  type unitActivityBody,
  unitDetailSchema,
  unitListSchema,
  venueSchema,
} from '../../shared/api/cobuilding';
import { api } from './client';

export type {
  Booking,
  CobuildingUnit,
  CobuildingUnitDetail,
  Project,
  ProjectCoverage,
  ProjectDetail,
  TaskForce,
  TaskForceDetail,
  UncoveredEnterprise,
  Venue,
} from '../../shared/api/cobuilding';
export {
  COBUILDING_AREAS,
  PROJECT_STATUSES,
  TASK_FORCE_KINDS,
  UNIT_KINDS,
} from '../../shared/api/cobuilding';
export type ProjectInput = z.input<typeof createProjectBody>;
export type UnitInput = z.input<typeof createUnitBody>;
export type ActivityInput = z.input<typeof unitActivityBody>;
export type VenueInput = z.input<typeof createVenueBody>;
export type BookingInput = z.input<typeof createBookingBody>;
export type TaskForceInput = z.input<typeof createTaskForceBody>;
export type SecondmentInput = z.input<typeof secondmentBody>;
export type ResultInput = z.input<typeof resultBody>;

/** Every co-building query key starts with 'cobuilding': a change refreshes every list and page. */
export const cobuildingKeys = {
  all: ['cobuilding'] as const,
  projects: (status: string) => ['cobuilding', 'projects', status] as const,
  project: (id: string) => ['cobuilding', 'project', id] as const,
  coverage: ['cobuilding', 'coverage'] as const,
  units: ['cobuilding', 'units'] as const,
  unit: (id: string) => ['cobuilding', 'unit', id] as const,
  bookings: (venueId: string) => ['cobuilding', 'bookings', venueId] as const,
  taskForces: ['cobuilding', 'task-forces'] as const,
  taskForce: (id: string) => ['cobuilding', 'task-force', id] as const,
};

export const projectsQuery = (status: string) =>
  queryOptions({
    queryKey: cobuildingKeys.projects(status),
    queryFn: () => api('GET', '/api/projects', projectListSchema, { query: status ? { status } : {} }),
  });
export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: cobuildingKeys.project(id),
    queryFn: () => api('GET', `/api/projects/${id}`, projectDetailSchema),
  });
export const projectCoverageQuery = () =>
  queryOptions({
    queryKey: cobuildingKeys.coverage,
    queryFn: () => api('GET', '/api/project-coverage', projectCoverageSchema),
  });
export const unitsQuery = () =>
  queryOptions({
    queryKey: cobuildingKeys.units,
    queryFn: () => api('GET', '/api/cobuilding-units', unitListSchema),
  });
export const unitQuery = (id: string) =>
  queryOptions({
    queryKey: cobuildingKeys.unit(id),
    queryFn: () => api('GET', `/api/cobuilding-units/${id}`, unitDetailSchema),
  });
export const bookingsQuery = (venueId: string) =>
  queryOptions({
    queryKey: cobuildingKeys.bookings(venueId),
    queryFn: () => api('GET', `/api/venues/${venueId}/bookings`, bookingListSchema),
  });
export const taskForcesQuery = () =>
  queryOptions({
    queryKey: cobuildingKeys.taskForces,
    queryFn: () => api('GET', '/api/task-forces', taskForceListSchema),
  });
export const taskForceQuery = (id: string) =>
  queryOptions({
    queryKey: cobuildingKeys.taskForce(id),
    queryFn: () => api('GET', `/api/task-forces/${id}`, taskForceDetailSchema),
  });

export const createProject = (body: ProjectInput) =>
  api('POST', '/api/projects', projectDetailSchema, { body });
export const followUp = (projectId: string, enterpriseId: string) =>
  api('POST', `/api/projects/${projectId}/enterprises/${enterpriseId}/follow-up`, followUpResultSchema, {
    body: {},
  });
export const createUnit = (body: UnitInput) =>
  api('POST', '/api/cobuilding-units', unitDetailSchema, { body });
export const recordActivity = (unitId: string, body: ActivityInput) =>
  api('POST', `/api/cobuilding-units/${unitId}/activities`, unitDetailSchema, { body });
export const createVenue = (unitId: string, body: VenueInput) =>
  api('POST', `/api/cobuilding-units/${unitId}/venues`, venueSchema, { body });
export const bookVenue = (venueId: string, body: BookingInput) =>
  api('POST', `/api/venues/${venueId}/bookings`, bookingSchema, { body });
export const cancelBooking = (bookingId: string, reason: string) =>
  api('POST', `/api/venue-bookings/${bookingId}/cancel`, bookingSchema, { body: { reason } });
export const createTaskForce = (body: TaskForceInput) =>
  api('POST', '/api/task-forces', taskForceDetailSchema, { body });
export const recordResult = (id: string, body: ResultInput) =>
  api('POST', `/api/task-forces/${id}/results`, taskForceDetailSchema, { body });
