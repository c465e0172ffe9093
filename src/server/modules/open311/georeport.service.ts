import { formatBeijing } from '../../../shared/beijing-time.js';
import { screenPersonalData } from '../../../shared/personal-data-screen.js';
import { pathOf, regionAt } from '../../../shared/region-code.js';
import { STATUS_LABELS } from '../../../shared/work-orders.js';
import type { ServiceCategory } from '../../db/tables.js';
import { DomainError } from '../../http/errors.js';
import { type Language, translate } from '../../i18n/messages.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { attributesOf } from '../catalogue/index.js';
import type { WorkOrdersService } from '../work-orders/index.js';
import { type DocValue, docList, type GeoReportDocument, w3cBeijing } from './georeport-document.js';
import { failure, renamed } from './georeport-errors.js';
import { type GeoReportFields, listParam, optionalParam } from './georeport-form.js';
import { checkIntakeFields } from './georeport-intake-fields.js';
import { geoReportStatus, MAX_RESULTS, requestFilter } from './georeport-request-filter.js';
import { open311Repository, type PublicRequestRow } from './open311.repository.js';
import type { Open311KeysService } from './open311-keys.service.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** The most specific place a public answer names: a grid; never a building (a few households). */
const PUBLIC_LEVEL = 'grid';

/** A coordinate rounded to two decimals (about 1 km): near enough to find the street, not the door. */
const coarseCoordinate = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;

/**
 * Open311 GeoReport v2 over the service catalogue and the work orders of each district: the
 * jurisdiction_id is the district code, services are the active leaf categories, service requests
 * are work orders (published without personal data: see requestsDocument), and a POST with an API
 * key is an intake on the channel 'open311' at the key's unit.
 */
export class GeoReportService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly workOrders: WorkOrdersService,
    private readonly keys: Open311KeysService,
  ) {}

  /**
   * The district asked for. The specification lets an endpoint that serves one jurisdiction treat
   * jurisdiction_id as optional; when the database holds several districts it is required.
   */
  async jurisdiction(requested: unknown): Promise<string> {
    const code = optionalParam(requested);
    const districts = await open311Repository.districts(this.ctx.database.db);
    if (code !== undefined) {
      if (!districts.includes(code))
        throw failure(404, [{ path: 'jurisdiction_id', code: 'open311.unknown_jurisdiction' }]);
      return code;
    }
    if (districts.length > 1)
      throw failure(400, [{ path: 'jurisdiction_id', code: 'open311.jurisdiction_required' }]);
    return districts[0] ?? this.ctx.config.districtCode;
  }

  /** Service discovery (a separate specification page): where the endpoint is and what it speaks. */
  async discovery(endpointUrl: string, language: Language): Promise<GeoReportDocument> {
    const { categories } = await this.workOrders.catalogue.snapshot();
    const latest =
      [...categories.values()]
        .map((c) => c.updated_at)
        .sort()
        .at(-1) ?? '1970-01-01T00:00:00.000Z';
    const changeset = w3cBeijing(new Date(latest).toISOString());
    return {
      root: 'discovery',
      body: {
        changeset,
        contact: translate('open311.contact', language),
        key_service: translate('open311.key_service', language),
        endpoints: docList('endpoint', [
          {
            specification: SPECIFICATION,
            url: endpointUrl,
            changeset,
            type: 'production',
            formats: docList('format', ['text/xml', 'application/json']),
          },
        ]),
      },
    };
  }

  /**
   * Active categories without sub-categories (under an active group, if any), grouped under their
   * parent, in catalogue order.
   */
  private async leafServices(
    district: string,
  ): Promise<{ category: ServiceCategory; group: ServiceCategory | undefined }[]> {
    // The jurisdiction's own view: shared categories as it switched them, and its own ones.
    const all = (await this.workOrders.catalogue.snapshot()).categoriesOf(district);
    const byCode = new Map(all.map((c) => [c.code, c]));
    const parents = new Set(all.map((c) => c.parent_code).filter((code) => code !== null));
    return all
      .filter((c) => c.active === 1 && !parents.has(c.code))
      .map((category) => ({
        category,
        group: category.parent_code ? byCode.get(category.parent_code) : undefined,
      }))
      .filter(({ group }) => group === undefined || group.active === 1)
      .sort(
        (a, b) =>
          (a.group?.sort ?? a.category.sort) - (b.group?.sort ?? b.category.sort) ||
          (a.group?.code ?? '').localeCompare(b.group?.code ?? '') ||
          a.category.sort - b.category.sort ||
          a.category.code.localeCompare(b.category.code),
      );
  }

  private async leafService(district: string, code: string): Promise<ServiceCategory> {
    const found = (await this.leafServices(district)).find((s) => s.category.code === code);
    if (!found) throw failure(404, [{ path: 'service_code', code: 'open311.unknown_service' }]);
    return found.category;
  }

  async services(district: string, language: Language): Promise<GeoReportDocument> {
    const name = (c: ServiceCategory) => (language === 'en' && c.name_en ? c.name_en : c.name);
    const services = (await this.leafServices(district)).map(({ category, group }) => ({
      service_code: category.code,
      service_name: name(category),
      description: category.description,
      metadata: attributesOf(category).length > 0,
      type: 'realtime',
      keywords: category.keywords
        .split(/[\s,，]+/)
        .filter((word) => word !== '')
        .join(', '),
      group: group ? name(group) : '',
    }));
    return { root: 'services', body: docList('service', services) };
  }

  async serviceDefinition(district: string, code: string, language: Language): Promise<GeoReportDocument> {
    const category = await this.leafService(district, code);
    const attributes = [...attributesOf(category)]
      .sort((a, b) => a.order - b.order)
      .map((attribute) => {
        const isList = attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist';
        const fields: Record<string, DocValue> = {
          variable: true,
          code: attribute.code,
          datatype: attribute.datatype,
          required: attribute.required,
          datatype_description: translate(`open311.datatype.${attribute.datatype}`, language),
          order: attribute.order,
          description: attribute.description,
        };
        if (isList)
          fields.values = docList(
            'value',
            (attribute.values ?? []).map((value) => ({ key: value.key, name: value.name })),
          );
        return fields;
      });
    return {
      root: 'service_definition',
      body: { service_code: category.code, attributes: docList('attribute', attributes) },
    };
  }

  /** GET Service Requests, with the specification's filters and limits. */
  async requests(
    districtCode: string,
    query: Record<string, unknown>,
    language: Language,
  ): Promise<GeoReportDocument> {
    const { db } = this.ctx.database;
    const ids = listParam(query.service_request_id);
    if (ids) {
      // "This overrides all other arguments."
      if (ids.length > MAX_RESULTS)
        throw failure(400, [
          { path: 'service_request_id', code: 'open311.too_many_ids', params: { maximum: MAX_RESULTS } },
        ]);
      const rows = await open311Repository.requests(db, { districtCode, numbers: ids, limit: MAX_RESULTS });
      return this.requestsDocument(rows, language);
    }
    const filter = requestFilter(query, this.ctx.now());
    const rows = await open311Repository.requests(db, { districtCode, ...filter, limit: MAX_RESULTS });
    return this.requestsDocument(rows, language);
  }

  /** GET Service Request: one request, still answered as a list (service_requests/request). */
  async request(districtCode: string, id: string, language: Language): Promise<GeoReportDocument> {
    const rows = await open311Repository.requests(this.ctx.database.db, {
      districtCode,
      numbers: [id],
      limit: 1,
    });
    if (rows.length === 0)
      throw failure(404, [{ path: 'service_request_id', code: 'open311.unknown_request' }]);
    return this.requestsDocument(rows, language);
  }

  /**
   * Public answers say only what is meant to be public: category, status (in words, never a
   * resolution or note staff wrote to the resident), the place down to its grid (never a building,
   * a room or an address anyone typed), coordinates rounded to about a kilometre, dates, and a
   * description only when the order has a public one (published by staff, or the resident's own
   * words screened for personal data after they opted in). media_url stays null: photos are the
   * resident's and the office's, served to nobody anonymously.
   */
  private async requestsDocument(rows: PublicRequestRow[], language: Language): Promise<GeoReportDocument> {
    const places = rows.map((row) => ({
      row,
      place: regionAt(row.region_code, PUBLIC_LEVEL),
      agency: regionAt(row.handler_region_code, PUBLIC_LEVEL),
    }));
    const codes = places.flatMap(({ place, agency }) => [agency, ...pathOf(place)]);
    const names = await open311Repository.regionNames(this.ctx.database.db, codes);
    const requests = places.map(({ row, place, agency }): DocValue => {
      const status = geoReportStatus(row.status);
      const publicText = row.public_description?.trim() ?? '';
      return {
        service_request_id: row.number,
        status,
        status_notes: STATUS_LABELS[row.status][language],
        service_name: language === 'en' && row.category_name_en ? row.category_name_en : row.category_name,
        service_code: row.category_code,
        description: publicText === '' ? null : publicText,
        agency_responsible: names.get(agency) ?? null,
        service_notice: null,
        requested_datetime: w3cBeijing(row.created_at),
        updated_datetime: w3cBeijing(status === 'closed' && row.closed_at ? row.closed_at : row.updated_at),
        expected_datetime: w3cBeijing(row.due_at),
        address: this.publicAddress(place, names),
        address_id: place,
        zipcode: null,
        lat: coarseCoordinate(row.latitude),
        long: coarseCoordinate(row.longitude),
        media_url: null,
      };
    });
    return { root: 'service_requests', body: docList('request', requests) };
  }

  /**
   * Where, in public: the place's regions from the grid up (grid, community, street, district).
   * An address typed by a resident, a client or staff may name a home, and a building narrows a
   * place to a few households, so neither is said.
   */
  private publicAddress(place: string, names: ReadonlyMap<string, string>): string {
    return pathOf(place)
      .map((code) => names.get(code))
      .filter((name) => name !== undefined)
      .reverse()
      .join(', ');
  }

  /** POST Service Request: checks the key, then every field, then takes the request in as a work order. */
  async create(
    fields: GeoReportFields,
    query: Record<string, unknown>,
    actor: AuditActor,
    language: Language,
  ): Promise<GeoReportDocument> {
    const value = (name: string) => optionalParam(fields.values.get(name));
    // The specification sends api_key and jurisdiction_id in the form; some clients put them in the URL.
    const key = await this.keys.authenticate(value('api_key') ?? optionalParam(query.api_key));
    const jurisdiction = value('jurisdiction_id') ?? optionalParam(query.jurisdiction_id);
    if (jurisdiction !== undefined && jurisdiction !== key.district_code)
      throw failure(404, [{ path: 'jurisdiction_id', code: 'open311.unknown_jurisdiction' }]);
    const serviceCode = value('service_code');
    if (serviceCode === undefined) throw failure(400, [{ path: 'service_code', code: 'field.required' }]);
    const category = await this.leafService(key.district_code, serviceCode);

    const { latitude, longitude, addressString, addressId, description, publish, contactName, phone } =
      await checkIntakeFields(this.ctx.database.db, fields, key.region_code, category);
    let order: Awaited<ReturnType<WorkOrdersService['intake']['create']>>;
    try {
      order = await this.workOrders.intake.create(
        {
          kind: 'open311',
          keyId: key.id,
          regionCode: key.region_code,
          actor: { ...actor, id: null, name: `open311:${key.key_prefix}` },
        },
        {
          categoryCode: category.code,
          description: description ?? '',
          channel: 'open311',
          regionCode: addressId ?? key.region_code,
          contactName: contactName || undefined,
          contactPhone: phone,
          attributes: fields.attributes,
          address: addressString,
          latitude,
          longitude,
          publicDescription: publish && description ? screenPersonalData(description) : undefined,
        },
      );
    } catch (error) {
      throw error instanceof DomainError ? renamed(error) : error;
    }
    return {
      root: 'service_requests',
      body: docList('request', [
        {
          service_request_id: order.number,
          service_notice: translate('open311.service_notice', language, {
            number: order.number,
            due: formatBeijing(order.due_at),
          }),
          account_id: null,
        },
      ]),
    };
  }
}
