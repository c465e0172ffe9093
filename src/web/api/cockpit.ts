import { queryOptions } from '@tanstack/react-query';
import { api, download } from './client';

export type IndicatorUnit = 'count' | 'people' | 'percent' | 'hours';

/** An indicator as the server's registry declares it (labels in both languages). */
export interface IndicatorDefinition {
  code: string;
  module: string;
  label: { zh: string; en: string };
  /** What exactly is counted, where it could be misread. */
  note?: { zh: string; en: string };
  unit: IndicatorUnit;
  better: 'higher' | 'lower';
  kind: 'flow' | 'stock';
}

/** A place the cockpit shows: a region, a city, or (code null) all of the caller's regions. */
export interface CockpitNode {
  code: string | null;
  name: string;
  kind: string;
}

export type IndicatorValues = Record<string, number | null>;

export interface CockpitChild {
  code: string;
  name: string;
  kind: string;
  hasChildren: boolean;
  values: IndicatorValues;
}

export interface Ranked {
  code: string;
  name: string;
  value: number;
}

export interface Cockpit {
  node: CockpitNode;
  path: CockpitNode[];
  months: string[];
  asOf: string | null;
  indicators: IndicatorDefinition[];
  values: IndicatorValues;
  trends: Record<string, (number | null)[]>;
  children: CockpitChild[];
  rankings: Record<string, { best: Ranked | null; worst: Ranked | null }>;
}

export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string; name: string; kind: string };
    geometry: unknown;
  }[];
}

export const cockpitKeys = {
  all: ['cockpit'] as const,
  view: (region: string, months: number) => ['cockpit', 'view', region, months] as const,
  boundaries: (region: string) => ['cockpit', 'boundaries', region] as const,
};

/** `region` '' is the top of the caller's scope. */
export const cockpitQuery = (region: string, months: number) =>
  queryOptions({
    queryKey: cockpitKeys.view(region, months),
    queryFn: () => api<Cockpit>('GET', '/api/cockpit', { query: { region, months } }),
    retry: false,
  });

export const boundariesQuery = (region: string) =>
  queryOptions({
    queryKey: cockpitKeys.boundaries(region),
    queryFn: () => api<RegionFeatureCollection>('GET', '/api/cockpit/boundaries', { query: { region } }),
    retry: false,
    staleTime: 5 * 60_000,
  });

export const downloadCockpitXlsx = (region: string, months: number) =>
  download('GET', '/api/cockpit/export.xlsx', 'cockpit.xlsx', { query: { region, months } });

export const downloadMonthlyReport = (region: string, month: string) =>
  download('GET', '/api/cockpit/report.pdf', 'report.pdf', { query: { region, month } });
