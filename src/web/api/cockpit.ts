import { queryOptions } from '@tanstack/react-query';
import { cockpitSchema, featureCollectionSchema } from '../../shared/api/cockpit';
import { api, download } from './client';

export type {
  Cockpit,
  CockpitChild,
  CockpitNode,
  FeatureCollection as RegionFeatureCollection,
  IndicatorDefinition,
  IndicatorUnit,
  IndicatorValues,
  Ranked,
} from '../../shared/api/cockpit';

export const cockpitKeys = {
  all: ['cockpit'] as const,
  view: (region: string, months: number) => ['cockpit', 'view', region, months] as const,
  boundaries: (region: string) => ['cockpit', 'boundaries', region] as const,
};

/** `region` '' is the top of the caller's scope. */
export const cockpitQuery = (region: string, months: number) =>
  queryOptions({
    queryKey: cockpitKeys.view(region, months),
    queryFn: () => api('GET', '/api/cockpit', cockpitSchema, { query: { region, months } }),
    retry: false,
  });

export const boundariesQuery = (region: string) =>
  queryOptions({
    queryKey: cockpitKeys.boundaries(region),
    queryFn: () => api('GET', '/api/cockpit/boundaries', featureCollectionSchema, { query: { region } }),
    retry: false,
    staleTime: 5 * 60_000,
  });

export const downloadCockpitXlsx = (region: string, months: number) =>
  download('GET', '/api/cockpit/export.xlsx', 'cockpit.xlsx', { query: { region, months } });

export const downloadMonthlyReport = (region: string, month: string) =>
  download('GET', '/api/cockpit/report.pdf', 'report.pdf', { query: { region, month } });
