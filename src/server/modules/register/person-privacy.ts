import { v7 as uuidv7 } from 'uuid';
import { maskIdNumber } from '../../../shared/validators/index.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { protectPhone } from './person-fields.js';
import { personWritesRepository } from './person-writes.repository.js';
import type { HealthRecord } from './persons.service.js';
import { registerRepository } from './register.repository.js';

/** A data subject's rights over the register: anonymization and a full export, both audited. */

/**
 * Anonymization on request: name and identifiers are replaced, the row stays (with gender,
 * birth year and region) so statistics and work-order history keep their meaning.
 */
export async function anonymizePerson(
  ctx: ServiceContext,
  scope: Scope,
  id: string,
  reason: string,
  actor: AuditActor,
): Promise<void> {
  const { db } = ctx.database;
  await db.transaction().execute(async (trx) => {
    const person = await registerRepository.findPerson(trx, scope, id);
    if (!person) throw notFound('person.not_found');
    if (person.status === 'anonymized') return;
    const now = ctx.now().toISOString();
    const placeholder = `anonymized:${uuidv7()}`;
    await personWritesRepository.update(trx, id, {
      name: '（已匿名）',
      name_pinyin: '',
      name_initials: '',
      birth_date: `${person.birth_date.slice(0, 4)}-01-01`,
      id_number_enc: ctx.crypto.encrypt('person.id_number', placeholder),
      id_number_bidx: ctx.crypto.blindIndex('person.id_number', placeholder),
      ...protectPhone(ctx.crypto, null),
      registered_address: '',
      current_address: '',
      note: '',
      status: 'anonymized',
      row_hash: 'anonymized',
      updated_at: now,
    });
    await personWritesRepository.deleteHealthRecord(trx, id);
    await personWritesRepository.clearHeadship(trx, id, now);
    await ctx.audit.append(trx, actor, {
      action: 'person.anonymized',
      targetType: 'person',
      targetId: id,
      regionCode: person.region_code,
      summary: {
        reason,
        idNumber: maskIdNumber(ctx.crypto.decrypt('person.id_number', person.id_number_enc)),
      },
    });
  });
}

/** Everything held about one person, in clear, for a data-subject access request. Audited. */
export async function subjectExportOf(
  ctx: ServiceContext,
  scope: Scope,
  id: string,
  reason: string,
  actor: AuditActor,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const person = await registerRepository.findPerson(trx, scope, id);
    if (!person) throw notFound('person.not_found');
    const { crypto } = ctx;
    const tags = (await registerRepository.tagNamesOf(trx, [id])).get(id) ?? [];
    const health = await registerRepository.healthRecordOf(trx, id);
    const [household] = person.household_id
      ? await registerRepository.householdsByIds(trx, [person.household_id])
      : [];
    const moves = await registerRepository.movesOf(trx, id);
    await ctx.audit.append(trx, actor, {
      action: 'person.subject_export',
      targetType: 'person',
      targetId: id,
      regionCode: person.region_code,
      summary: { reason },
    });
    return {
      exportedAt: ctx.now().toISOString(),
      person: {
        name: person.name,
        idNumber:
          person.status === 'anonymized' ? '' : crypto.decrypt('person.id_number', person.id_number_enc),
        phone: person.phone_enc ? crypto.decrypt('person.phone', person.phone_enc) : '',
        gender: person.gender,
        birthDate: person.birth_date,
        ethnicity: person.ethnicity,
        relation: person.relation,
        registeredAddress: person.registered_address,
        currentAddress: person.current_address,
        note: person.note,
        tags,
        status: person.status,
        regionCode: person.region_code,
        createdAt: person.created_at,
        updatedAt: person.updated_at,
      },
      household: household
        ? {
            regionCode: household.region_code,
            unit: household.unit,
            floor: household.floor,
            room: household.room,
            address: household.address,
          }
        : null,
      healthRecord: health
        ? (JSON.parse(crypto.decrypt('health.record', health.record_enc)) as HealthRecord)
        : null,
      moves: moves.map((m) => ({ at: m.at, from: m.from_region_code, to: m.to_region_code })),
    };
  });
}
