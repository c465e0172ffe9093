import { maskPhone, validateMobilePhone } from '../../../shared/validators/index.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Person } from '../../db/tables.js';
import { DomainError, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionPathCodes, regionsRepository } from '../regions/index.js';
import { type LookupVia, recordLookup } from './lookup-guard.js';
import { ageOn, maskedContact, namePinyin, protectPhone } from './person-fields.js';
import { anonymizePerson, subjectExportOf } from './person-privacy.js';
import { lookupKindOf, searchMatchOf, yearsBefore } from './person-search.js';
import { personWritesRepository } from './person-writes.repository.js';
import { registerRepository } from './register.repository.js';

export interface PersonQuery {
  q?: string | undefined;
  region?: string | undefined;
  tag?: string | undefined;
  gender?: 'male' | 'female' | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface HealthRecord {
  conditions: string;
  doctorContact: string;
  lastCheckup: string;
}

export type RevealField = 'idNumber' | 'phone' | 'health';

export class PersonsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The configured person tags (独居老人, 低保户 …), for pickers and filters. */
  tags(): Promise<{ code: string; name: string }[]> {
    return registerRepository.tags(this.ctx.database.db);
  }

  /**
   * A page of persons. A search by a whole ID number or phone (or a phone's last four) is a
   * look-up: audited and capped per account (lookup-guard.ts); later pages of the same search
   * (with a cursor) are not counted again.
   */
  async list(scope: Scope, query: PersonQuery, lookup?: { actor: AuditActor; via: LookupVia }) {
    const { db } = this.ctx.database;
    const after = decodeCursor(query.cursor, ['text', 'text']);
    const today = this.ctx.now();
    const effective = query.region ? scope.filteredTo(query.region) : scope;
    const match = query.q ? searchMatchOf(this.ctx.crypto, query.q) : undefined;
    const lookupKind = lookupKindOf(match);
    if (lookup && lookupKind && !query.cursor) {
      await recordLookup(this.ctx, lookup.actor, {
        kind: lookupKind,
        via: lookup.via,
        regionCode: effective.roots[0] ?? this.ctx.config.districtCode,
      });
    }
    const rows = await registerRepository.listPersons(db, effective, {
      ...(match ? { match } : {}),
      tagCode: query.tag,
      gender: query.gender,
      // Age bands become birth-date bounds so the index on (region_code, id) still drives the scan.
      bornOnOrBefore: query.ageMin !== undefined ? yearsBefore(today, query.ageMin) : undefined,
      bornOnOrAfter: query.ageMax !== undefined ? yearsBefore(today, query.ageMax + 1) : undefined,
      after: after && { regionCode: after[0], id: after[1] },
      limit: query.limit + 1,
    });
    const { items, nextCursor } = page(rows, query.limit, (last) => [last.region_code, last.id]);
    const tags = await registerRepository.tagNamesOf(
      db,
      items.map((r) => r.id),
    );
    // Where each person lives, from below the reader's level: "1号楼" alone says nothing to a
    // district reader (every grid has one).
    const paths = new Map(items.map((r) => [r.id, regionPathCodes(r.region_code, scope.roots)]));
    const names = await regionsRepository.namesOf(db, [...new Set([...paths.values()].flat())]);
    return {
      items: items.map((person) => ({
        ...this.summary(person, tags.get(person.id) ?? []),
        regionPath: (paths.get(person.id) ?? []).map((code) => names.get(code) ?? code),
      })),
      nextCursor,
    };
  }

  summary(person: Person, tags: string[]) {
    return {
      id: person.id,
      name: person.name,
      gender: person.gender,
      // Age, never the birth date: the birth date is exactly the part of the ID number that the
      // mask hides, so showing both would rebuild the whole number from the row itself.
      age: ageOn(person.birth_date, this.ctx.now()),
      ...maskedContact(this.ctx.crypto, person),
      ethnicity: person.ethnicity,
      relation: person.relation,
      regionCode: person.region_code,
      householdId: person.household_id,
      status: person.status,
      tags,
    };
  }

  private async find(scope: Scope, id: string): Promise<Person> {
    const person = await registerRepository.findPerson(this.ctx.database.db, scope, id);
    if (!person) throw notFound('person.not_found');
    return person;
  }

  async get(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const person = await this.find(scope, id);
    const tags = (await registerRepository.tagNamesOf(db, [id])).get(id) ?? [];
    const health = await registerRepository.healthRecordOf(db, id);
    const moves = await registerRepository.movesOf(db, id);
    return {
      ...this.summary(person, tags),
      registeredAddress: person.registered_address,
      currentAddress: person.current_address,
      note: person.note,
      hasHealthRecord: Boolean(health),
      healthUpdatedAt: health?.updated_at ?? null,
      moves: moves.map((m) => ({
        at: m.at,
        fromRegionCode: m.from_region_code,
        toRegionCode: m.to_region_code,
      })),
      createdAt: person.created_at,
      updatedAt: person.updated_at,
    };
  }

  /** Shows one protected value in clear, for a stated reason, and writes that to the audit log. */
  async reveal(
    scope: Scope,
    id: string,
    field: RevealField,
    reason: string,
    actor: AuditActor,
  ): Promise<string> {
    const { db } = this.ctx.database;
    return db.transaction().execute(async (trx) => {
      const person = await registerRepository.findPerson(trx, scope, id);
      if (!person) throw notFound('person.not_found');
      if (person.status === 'anonymized') throw new DomainError('person.anonymized', 409);
      let value: string;
      if (field === 'idNumber') value = this.ctx.crypto.decrypt('person.id_number', person.id_number_enc);
      else if (field === 'phone') {
        if (!person.phone_enc) throw new DomainError('person.no_value', 404);
        value = this.ctx.crypto.decrypt('person.phone', person.phone_enc);
      } else {
        const record = await registerRepository.healthRecordOf(trx, id);
        if (!record) throw new DomainError('person.no_value', 404);
        value = this.ctx.crypto.decrypt('health.record', record.record_enc);
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'person.revealed',
        targetType: 'person',
        targetId: id,
        regionCode: person.region_code,
        summary: { field, reason },
      });
      return value;
    });
  }

  /** A correction asked for by the person (or found by a worker); before/after kept masked. */
  async correct(scope: Scope, id: string, changes: PersonCorrection, actor: AuditActor) {
    await this.ctx.database.db
      .transaction()
      .execute((trx) => this.correctWithin(trx, scope, id, changes, actor));
    return this.get(scope, id);
  }

  /** `correct` inside a caller's transaction (a change request confirmed with its decision). */
  async correctWithin(
    trx: Executor,
    scope: Scope,
    id: string,
    changes: PersonCorrection,
    actor: AuditActor,
  ): Promise<void> {
    let phone: string | null | undefined;
    if (changes.phone !== undefined && changes.phone !== null && changes.phone !== '') {
      const checked = validateMobilePhone(changes.phone);
      if (!checked.ok) throw fieldError('phone', 'field.phone');
      phone = checked.value;
    } else if (changes.phone === null || changes.phone === '') phone = null;
    const person = await registerRepository.findPerson(trx, scope, id);
    if (!person || person.status === 'anonymized') throw notFound('person.not_found');
    const now = this.ctx.now().toISOString();
    const before = {
      name: person.name,
      phone: person.phone_enc ? maskPhone(this.ctx.crypto.decrypt('person.phone', person.phone_enc)) : '',
    };
    const pinyin = changes.name ? namePinyin(changes.name) : undefined;
    await personWritesRepository.update(trx, id, {
      ...(changes.name
        ? { name: changes.name, name_pinyin: pinyin!.full, name_initials: pinyin!.initials }
        : {}),
      ...(phone !== undefined ? protectPhone(this.ctx.crypto, phone) : {}),
      ...(changes.ethnicity !== undefined ? { ethnicity: changes.ethnicity } : {}),
      ...(changes.currentAddress !== undefined ? { current_address: changes.currentAddress } : {}),
      ...(changes.registeredAddress !== undefined ? { registered_address: changes.registeredAddress } : {}),
      ...(changes.note !== undefined ? { note: changes.note } : {}),
      // A hand correction must not be undone as "unchanged" by the next import of an old file.
      row_hash: 'edited',
      updated_at: now,
    });
    if (changes.tags) {
      const known = await personWritesRepository.tagsNamed(trx, changes.tags);
      const unknown = changes.tags.filter((t) => !known.some((k) => k.name === t));
      if (unknown.length) throw fieldError('tags', 'field.unknown_tag');
      await personWritesRepository.replaceTags(
        trx,
        id,
        person.district_code,
        known.map((k) => k.code),
      );
    }
    await this.ctx.audit.append(trx, actor, {
      action: 'person.corrected',
      targetType: 'person',
      targetId: id,
      regionCode: person.region_code,
      summary: {
        fields: Object.keys(changes),
        before,
        after: {
          name: changes.name ?? person.name,
          phone: phone === undefined ? before.phone : phone ? maskPhone(phone) : '',
        },
      },
    });
  }

  /**
   * A resident moved away or died (confirmed from a visit's change request): the row stays with
   * its history, only its status changes, with an audit row.
   */
  async setStatus(
    scope: Scope,
    id: string,
    status: 'moved_out' | 'deceased',
    actor: AuditActor,
    source: string,
  ): Promise<void> {
    await this.ctx.database.db
      .transaction()
      .execute((trx) => this.setStatusWithin(trx, scope, id, status, actor, source));
  }

  /** `setStatus` inside a caller's transaction. */
  async setStatusWithin(
    trx: Executor,
    scope: Scope,
    id: string,
    status: 'moved_out' | 'deceased',
    actor: AuditActor,
    source: string,
  ): Promise<void> {
    const person = await registerRepository.findPerson(trx, scope, id);
    if (!person || person.status === 'anonymized') throw notFound('person.not_found');
    if (person.status === status) return;
    await personWritesRepository.update(trx, id, {
      status,
      row_hash: 'edited',
      updated_at: this.ctx.now().toISOString(),
    });
    await this.ctx.audit.append(trx, actor, {
      action: 'person.status_changed',
      targetType: 'person',
      targetId: id,
      regionCode: person.region_code,
      summary: { before: person.status, after: status, source },
    });
  }

  /**
   * Anonymization on request: name and identifiers are replaced, the row stays (see
   * person-privacy.ts).
   */
  anonymize(scope: Scope, id: string, reason: string, actor: AuditActor): Promise<void> {
    return anonymizePerson(this.ctx, scope, id, reason, actor);
  }

  /** Everything held about one person, in clear, for a data-subject access request. Audited. */
  subjectExport(scope: Scope, id: string, reason: string, actor: AuditActor) {
    return subjectExportOf(this.ctx, scope, id, reason, actor);
  }

  async setHealthRecord(scope: Scope, id: string, record: HealthRecord, actor: AuditActor): Promise<void> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const person = await registerRepository.findPerson(trx, scope, id);
      if (!person || person.status === 'anonymized') throw notFound('person.not_found');
      const now = this.ctx.now().toISOString();
      const sealed = this.ctx.crypto.encrypt('health.record', JSON.stringify(record));
      await personWritesRepository.upsertHealthRecord(trx, {
        personId: id,
        districtCode: person.district_code,
        regionCode: person.region_code,
        sealed,
        at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'person.health_recorded',
        targetType: 'person',
        targetId: id,
        regionCode: person.region_code,
      });
    });
  }
} /** What a correction may change; absent fields stay as they are. */
export interface PersonCorrection {
  name?: string | undefined;
  phone?: string | null | undefined;
  ethnicity?: string | undefined;
  currentAddress?: string | undefined;
  registeredAddress?: string | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
}
