import {
  MEMBER_CATEGORY_NAMES,
  MEMBER_HEADERS,
  MEMBER_STATUS_NAMES,
  type MemberHeader,
  REQUIRED_MEMBER_HEADERS,
} from '../../../shared/member-template.js';
import { columnOfHeading } from '../../../shared/template-headings.js';
import { validateIdNumber, validateMobilePhone } from '../../../shared/validators/index.js';
import type { Scope } from '../../auth/scope.js';
import { DomainError } from '../../http/errors.js';
import { translate } from '../../i18n/messages.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import {
  emptyImportOutcome,
  limitsForRows,
  normalizeCell,
  type ResidentImportOutcome,
  readSpreadsheet,
  registerRepository,
  type SpreadsheetFormat,
  type SpreadsheetLimits,
  SpreadsheetRefused,
} from '../register/index.js';
import type { MemberInput, MembersService } from './members.service.js';
import { organizationsRepository } from './organizations.repository.js';

class Rejected extends Error {}

/** Member lists are checked in memory before they are written: they stay far smaller than the register. */
export const MEMBER_IMPORT_MAX_ROWS = 100_000;

export const memberImportLimits = (configuredMaxRows: number): SpreadsheetLimits =>
  limitsForRows(Math.min(configuredMaxRows, MEMBER_IMPORT_MAX_ROWS));

/**
 * Imports members from .xlsx/.csv with the register's rules: every row checked, one bad row and
 * nothing is written (unless skipInvalid), an error report names every problem. Member lists are
 * small (thousands), so rows are checked in memory first and written in one transaction.
 * A person is found in the register by ID number, or kept as a minimal non-resident record.
 */
export async function importMembers(
  ctx: ServiceContext,
  members: MembersService,
  file: string,
  format: SpreadsheetFormat,
  options: {
    scope: Scope;
    actor: AuditActor;
    skipInvalid: boolean;
    onProgress?: (p: { fraction: number; rows: number }) => void;
    limits?: SpreadsheetLimits;
  },
): Promise<ResidentImportOutcome> {
  const outcome = emptyImportOutcome();
  try {
    return await importCheckedMembers(ctx, members, file, format, options, outcome);
  } catch (error) {
    if (!(error instanceof SpreadsheetRefused)) throw error;
    outcome.fileProblem = translate(error.code, 'zh', error.params);
    outcome.status = 'rejected';
    outcome.created = 0;
    outcome.unchanged = 0;
    outcome.invalid = outcome.problems.size;
    return outcome;
  }
}

async function importCheckedMembers(
  ctx: ServiceContext,
  members: MembersService,
  file: string,
  format: SpreadsheetFormat,
  options: Parameters<typeof importMembers>[4],
  outcome: ResidentImportOutcome,
): Promise<ResidentImportOutcome> {
  const organizations = await organizationsRepository.list(ctx.database.db, options.scope, { limit: 10_000 });
  const byName = new Map<string, string[]>();
  for (const o of organizations) byName.set(o.name, [...(byName.get(o.name) ?? []), o.id]);

  const rows: { rowNumber: number; input: MemberInput }[] = [];
  const seenIds = new Map<string, number>();
  let positions: Map<MemberHeader, number> | undefined;
  for await (const source of readSpreadsheet(
    file,
    format,
    (fraction) => options.onProgress?.({ fraction: fraction / 2, rows: outcome.totalRows }),
    options.limits ?? memberImportLimits(ctx.config.importMaxRows),
  )) {
    if (!positions) {
      positions = new Map();
      source.cells.forEach((cell, index) => {
        const name = columnOfHeading(normalizeCell(cell));
        const known = MEMBER_HEADERS.find((h) => h === name);
        if (known) positions!.set(known, index);
        else if (name && name !== '错误原因') outcome.unknownColumns.push(name);
      });
      const missing = REQUIRED_MEMBER_HEADERS.filter((h) => !positions!.has(h));
      if (missing.length) {
        outcome.fileProblem = `缺少模板列：${missing.join('、')}`;
        outcome.status = 'rejected';
        return outcome;
      }
      continue;
    }
    const cell = (h: MemberHeader) =>
      normalizeCell(positions!.has(h) ? (source.cells[positions!.get(h)!] ?? '') : '');
    if (MEMBER_HEADERS.every((h) => cell(h) === '')) continue;
    outcome.totalRows += 1;
    const problems: string[] = [];
    const name = cell('姓名');
    if (!name) problems.push('姓名：必填');
    const id = validateIdNumber(cell('公民身份号码'));
    if (!id.ok) problems.push(`公民身份号码：${cell('公民身份号码') ? '无效' : '必填'}`);
    else if (seenIds.has(id.value)) problems.push(`公民身份号码：与第 ${seenIds.get(id.value)} 行重复`);
    else seenIds.set(id.value, source.rowNumber);
    const phone = cell('手机号码');
    if (phone && !validateMobilePhone(phone).ok) problems.push('手机号码：不是有效的手机号码');
    const orgIds = byName.get(cell('所属组织')) ?? [];
    if (orgIds.length === 0) problems.push('所属组织：组织不存在或不在您的管辖范围内');
    else if (orgIds.length > 1) problems.push('所属组织：有多个同名组织，请先改名以便区分');
    const category = MEMBER_CATEGORY_NAMES[cell('人员类别') as keyof typeof MEMBER_CATEGORY_NAMES];
    if (!category) problems.push(`人员类别：应为 ${Object.keys(MEMBER_CATEGORY_NAMES).join('、')}`);
    const status = MEMBER_STATUS_NAMES[cell('党员状态') as keyof typeof MEMBER_STATUS_NAMES];
    if (!status) problems.push(`党员状态：应为 ${Object.keys(MEMBER_STATUS_NAMES).join('、')}`);
    const joinedOn = cell('入党日期');
    const joined = /^\d{4}-\d{2}-\d{2}$/.test(joinedOn) ? new Date(`${joinedOn}T00:00:00Z`) : null;
    if (
      !joined ||
      Number.isNaN(joined.getTime()) ||
      joined.toISOString().slice(0, 10) !== joinedOn ||
      joined > ctx.now()
    ) {
      problems.push('入党日期：应为不晚于今天的日期，如 2001-07-01');
    }
    if (problems.length > 0 || !id.ok || !category || !status || orgIds.length !== 1) {
      outcome.problems.set(source.rowNumber, problems.join('；'));
      continue;
    }
    rows.push({
      rowNumber: source.rowNumber,
      input: {
        organizationId: orgIds[0]!,
        person: { name, idNumber: id.value, phone: phone || undefined },
        category,
        status,
        joinedOn,
        post: cell('岗位'),
      },
    });
  }

  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      for (const [index, row] of rows.entries()) {
        // Re-importing the same file changes nothing: a member already in that organization is kept.
        const person = await registerRepository.findPersonByIdIndex(
          trx,
          ctx.crypto.blindIndex('person.id_number', row.input.person!.idNumber),
        );
        const existing = person ? await organizationsRepository.memberOfPerson(trx, person.id) : undefined;
        if (existing?.organization_id === row.input.organizationId) {
          outcome.unchanged += 1;
          continue;
        }
        try {
          await members.createIn(trx, options.scope, row.input, options.actor, 'imported');
          outcome.created += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const field = error.fields?.[0];
          const message = field
            ? translate(field.code, 'zh', field.params)
            : translate(error.code, 'zh', error.params);
          outcome.problems.set(row.rowNumber, message);
        }
        options.onProgress?.({
          fraction: 0.5 + index / Math.max(1, rows.length) / 2,
          rows: outcome.totalRows,
        });
      }
      outcome.invalid = outcome.problems.size;
      if (outcome.invalid > 0 && !options.skipInvalid) throw new Rejected();
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    outcome.status = 'rejected';
    outcome.created = 0;
    outcome.unchanged = 0;
  }
  outcome.invalid = outcome.problems.size;
  return outcome;
}
