import type { Executor } from '../../db/database.js';
import type { ServiceCategory } from '../../db/tables.js';
import { DomainError } from '../../http/errors.js';
import { attributesOf, checkAttributes } from '../catalogue/index.js';
import { regionsRepository } from '../regions/index.js';
import { contactPhoneSchema } from '../work-orders/index.js';
import { clientPath, failure, type Problem } from './georeport-errors.js';
import { type GeoReportFields, optionalParam } from './georeport-form.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const HAN = /[\u3400-\u9fff]/;

/** A POST Service Request's fields, checked, in the intake's terms. */
export interface IntakeFields {
  latitude: number | undefined;
  longitude: number | undefined;
  addressString: string | undefined;
  /** A region inside the key's unit. */
  addressId: string | undefined;
  description: string | undefined;
  /** The client says its user agreed to publish the description. */
  publish: boolean;
  /** Empty when the client sent no name. */
  contactName: string;
  phone: string | undefined;
}

/**
 * Checks every field of a POST Service Request (after its key and service), naming each bad one
 * as the client sent it; the location must name a place inside the key's unit.
 */
export async function checkIntakeFields(
  db: Executor,
  fields: GeoReportFields,
  keyRegion: string,
  category: ServiceCategory,
): Promise<IntakeFields> {
  const value = (name: string) => optionalParam(fields.values.get(name));
  const problems: Problem[] = [];
  const coordinate = (name: 'lat' | 'long', limit: number): number | undefined => {
    const text = value(name);
    if (text === undefined) return undefined;
    const number = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(number))
      problems.push({ path: name, code: 'field.invalid_type', params: { expected: 'number' } });
    else if (number < -limit)
      problems.push({ path: name, code: 'field.too_small', params: { minimum: -limit } });
    else if (number > limit) problems.push({ path: name, code: 'field.too_big', params: { maximum: limit } });
    else return number;
    return undefined;
  };
  const latitude = coordinate('lat', 90);
  const longitude = coordinate('long', 180);
  const hasLat = value('lat') !== undefined;
  const hasLong = value('long') !== undefined;
  if (hasLat !== hasLong) problems.push({ path: hasLat ? 'long' : 'lat', code: 'open311.lat_long_pair' });
  const addressString = value('address_string');
  if (addressString !== undefined && addressString.length > 200)
    problems.push({ path: 'address_string', code: 'field.too_long', params: { maximum: 200 } });
  const addressId = value('address_id');
  if (addressId !== undefined) {
    const region = /^\d{6,17}$/.test(addressId)
      ? await regionsRepository.findUnscoped(db, addressId)
      : undefined;
    if (!region?.code.startsWith(keyRegion))
      problems.push({ path: 'address_id', code: 'open311.unknown_address_id' });
  }
  if (!(hasLat && hasLong) && addressString === undefined && addressId === undefined)
    problems.push({ path: 'location', code: 'open311.location_required' });

  const description = value('description');
  if (description !== undefined && description.length > 4000)
    problems.push({ path: 'description', code: 'field.too_long', params: { maximum: 4000 } });
  // Our extension: the client says its user agreed to publish the description. Without it the
  // description is kept for staff and never published (names cannot be screened reliably).
  const publishText = value('publish_description')?.toLowerCase();
  const publish = publishText === 'true' || publishText === '1';
  if (publishText !== undefined && !publish && publishText !== 'false' && publishText !== '0')
    problems.push({
      path: 'publish_description',
      code: 'field.invalid_value',
      params: { values: 'true, false' },
    });
  const email = value('email');
  if (email !== undefined && (email.length > 254 || !EMAIL.test(email)))
    problems.push({ path: 'email', code: 'field.invalid_format' });
  const firstName = value('first_name');
  const lastName = value('last_name');
  for (const [name, text] of [
    ['first_name', firstName],
    ['last_name', lastName],
  ] as const) {
    if (text !== undefined && text.length > 24)
      problems.push({ path: name, code: 'field.too_long', params: { maximum: 24 } });
  }
  let phone: string | undefined;
  const phoneText = value('phone');
  if (phoneText !== undefined) {
    const parsed = contactPhoneSchema.safeParse(phoneText);
    if (parsed.success) phone = parsed.data;
    else problems.push({ path: 'phone', code: 'workorder.phone' });
  }
  try {
    checkAttributes(attributesOf(category), fields.attributes);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push(...(error.fields ?? []).map((field) => ({ ...field, path: clientPath(field.path) })));
  }
  if (problems.length > 0) throw failure(400, problems);

  // Chinese names read family name first and without a space; others "given family".
  const contactName = [firstName, lastName].some((part) => part && HAN.test(part))
    ? [lastName, firstName].filter(Boolean).join('')
    : [firstName, lastName].filter(Boolean).join(' ');
  return { latitude, longitude, addressString, addressId, description, publish, contactName, phone };
}
