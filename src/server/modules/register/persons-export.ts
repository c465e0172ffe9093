import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RESIDENT_HEADERS } from '../../../shared/register-template.js';
import type { Scope } from '../../auth/scope.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/audit.repository.js';
import type { PersonQuery, PersonsService } from './persons.service.js';
import { registerRepository } from './register.repository.js';

const GENDER_TEXT = { male: '男', female: '女' } as const;

/**
 * Writes a person list to .xlsx in the import template's layout, so an exported file can be
 * edited and imported again. Masked unless `reveal` is given; a revealed export is audited once.
 */
export async function exportPersons(
  ctx: ServiceContext,
  persons: PersonsService,
  scope: Scope,
  query: Omit<PersonQuery, 'cursor' | 'limit'>,
  options: { reveal?: { reason: string } | undefined; actor: AuditActor },
  out: Writable,
): Promise<number> {
  const { db } = ctx.database;
  if (options.reveal) {
    await db.transaction().execute((trx) =>
      ctx.audit.append(trx, options.actor, {
        action: 'person.exported_revealed',
        targetType: 'person_list',
        regionCode: query.region ?? scope.roots[0] ?? ctx.config.districtCode,
        summary: { reason: options.reveal!.reason, filter: { ...query } },
      }),
    );
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('居民信息');
  sheet.addRow([...RESIDENT_HEADERS]).commit();
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await persons.list(scope, { ...query, cursor, limit: 1000 });
    const households = new Map(
      (
        await registerRepository.householdsByIds(db, [
          ...new Set(page.items.flatMap((p) => (p.householdId ? [p.householdId] : []))),
        ])
      ).map((h) => [h.id, h]),
    );
    const rows = new Map(
      (
        await registerRepository.personsByIds(
          db,
          page.items.map((p) => p.id),
        )
      ).map((p) => [p.id, p]),
    );
    const clear = (id: string) => {
      const row = rows.get(id);
      if (!options.reveal || !row) return undefined;
      return {
        idNumber: ctx.crypto.decrypt('person.id_number', row.id_number_enc),
        phone: row.phone_enc ? ctx.crypto.decrypt('person.phone', row.phone_enc) : '',
      };
    };
    for (const person of page.items) {
      const household = person.householdId ? households.get(person.householdId) : undefined;
      const revealed = clear(person.id);
      const inBuilding = household && household.region_code !== household.grid_code;
      sheet
        .addRow([
          person.name,
          revealed?.idNumber ?? person.idNumber,
          GENDER_TEXT[person.gender],
          revealed?.phone ?? person.phone,
          person.ethnicity,
          household?.grid_code ?? '',
          inBuilding ? household.region_code : '',
          household?.unit ?? '',
          household?.floor ?? '',
          household?.room ?? '',
          person.relation,
          person.tags.join('，'),
          rows.get(person.id)?.registered_address ?? '',
          rows.get(person.id)?.note ?? '',
        ])
        .commit();
      count += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await sheet.commit();
  await workbook.commit();
  return count;
}
