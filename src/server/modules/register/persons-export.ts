import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RESIDENT_HEADERS } from '../../../shared/register-template.js';
import { safeCell } from '../../../shared/spreadsheet-cell.js';
import { maskIdNumber, maskPhone } from '../../../shared/validators/index.js';
import type { Scope } from '../../auth/scope.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import type { PersonQuery, PersonsService } from './persons.service.js';
import { registerRepository } from './register.repository.js';

const GENDER_TEXT = { male: '男', female: '女' } as const;
const PAGE = 1000;
type PersonPage = Awaited<ReturnType<PersonsService['list']>>;

/**
 * Writes a person list to .xlsx in the import template's layout, so an exported file can be
 * edited and imported again. Masked unless `reveal` is given. Every check (the region filter, the
 * look-up cap) and the audit row happen here, before the first byte is sent, so a refusal is a
 * proper error answer rather than a broken download; the returned function writes the file.
 */
export async function exportPersons(
  ctx: ServiceContext,
  persons: PersonsService,
  scope: Scope,
  query: Omit<PersonQuery, 'cursor' | 'limit'>,
  options: { reveal?: { reason: string } | undefined; actor: AuditActor },
): Promise<(out: Writable) => Promise<number>> {
  const { db } = ctx.database;
  const firstPage = await persons.list(
    scope,
    { ...query, limit: PAGE },
    { actor: options.actor, via: 'register_export' },
  );
  // A bulk export is audited masked or not: who took which list out of the system, and when.
  await db.transaction().execute((trx) =>
    ctx.audit.append(trx, options.actor, {
      action: options.reveal ? 'person.exported_revealed' : 'person.exported',
      targetType: 'person_list',
      regionCode: query.region ?? scope.roots[0] ?? ctx.config.districtCode,
      summary: {
        ...(options.reveal ? { reason: options.reveal.reason } : {}),
        filter: { ...query, ...(query.q ? { q: maskedSearchText(query.q) } : {}) },
      },
    }),
  );
  return (out) => writeWorkbook(ctx, persons, scope, query, options, firstPage, out);
}

/** The search text as the audit log keeps it: a whole ID number or phone never in clear. */
function maskedSearchText(q: string): string {
  const text = q.trim();
  if (/^\d{17}[\dXx]$/.test(text)) return maskIdNumber(text);
  if (/^1\d{10}$/.test(text)) return maskPhone(text);
  return text;
}

async function writeWorkbook(
  ctx: ServiceContext,
  persons: PersonsService,
  scope: Scope,
  query: Omit<PersonQuery, 'cursor' | 'limit'>,
  options: { reveal?: { reason: string } | undefined },
  firstPage: PersonPage,
  out: Writable,
): Promise<number> {
  const { db } = ctx.database;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('居民信息');
  sheet.addRow([...RESIDENT_HEADERS]).commit();
  let page = firstPage;
  let count = 0;
  for (;;) {
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
        .addRow(
          [
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
          ].map(safeCell),
        )
        .commit();
      count += 1;
    }
    if (!page.nextCursor) break;
    page = await persons.list(scope, { ...query, cursor: page.nextCursor, limit: PAGE });
  }
  await sheet.commit();
  await workbook.commit();
  return count;
}
