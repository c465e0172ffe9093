import { DomainError } from '../../http/errors.js';
import type { MessageCode } from '../../i18n/messages.js';

/** One field's problem, named as the GeoReport client sent the field. */
export type Problem = { path: string; code: MessageCode; params?: Record<string, unknown> };

/** An error in the specification's sense: its HTTP status and the fields it is about. */
export const failure = (status: 400 | 404, problems: Problem[]): DomainError =>
  new DomainError(status === 404 ? 'open311.not_found' : 'open311.bad_request', status, {}, problems);

/** Names the intake's fields as the GeoReport client sent them. */
export function clientPath(path: string): string {
  if (path.startsWith('attributes.')) return `attribute[${path.slice('attributes.'.length)}]`;
  const names: Record<string, string> = {
    categoryCode: 'service_code',
    regionCode: 'address_id',
    contactPhone: 'phone',
    contactName: 'last_name',
    address: 'address_string',
    latitude: 'lat',
    longitude: 'long',
  };
  return names[path] ?? path;
}

/** The intake's own error, its fields renamed to the client's. */
export const renamed = (error: DomainError): DomainError =>
  new DomainError(
    error.code,
    error.status,
    error.params,
    error.fields?.map((field) => ({ ...field, path: clientPath(field.path) })),
  );
