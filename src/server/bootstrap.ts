import { v7 as uuidv7 } from 'uuid';
import { appendInitialCredentials, generatePassword } from './credentials-file.js';
import type { Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { AuditActor } from './modules/audit/index.js';
import { hashPassword } from './modules/auth/index.js';
import { importCountyRegions, regionsRepository } from './modules/regions/index.js';
import { markInterruptedImports } from './modules/register/index.js';
import { usersRepository } from './modules/users/index.js';
import type { ServiceContext } from './services.js';

export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system', ip: null, requestId: null };

export interface BootstrapReport {
  migrations: string[];
  regionsImported: number;
  /** True on the first start: the database was empty and the administrator was just created. */
  firstStart: boolean;
  /** Set only when this start created the admin account with a generated password. */
  generatedAdminPassword?: string;
  credentialsFile?: string;
}

/**
 * What every start does before serving: bring the schema up to date and, on an empty database,
 * import the district's real region tree and create the administrator.
 */
export async function bootstrap(
  ctx: ServiceContext,
  database: Database,
  /**
   * `recoverInterrupted: false` for a worker of `lianxin start --workers N`: imports still marked
   * running belong to its sibling processes, not to a crash; the primary recovered them at start.
   */
  options: { recoverInterrupted?: boolean } = {},
): Promise<BootstrapReport> {
  const migrations = await migrateToLatest(database);
  const report: BootstrapReport = { migrations, regionsImported: 0, firstStart: false };
  if (options.recoverInterrupted ?? true) await markInterruptedImports(ctx);
  const { districtCode } = ctx.config;
  if (!(await regionsRepository.findUnscoped(database.db, districtCode))) {
    report.regionsImported = (await importCountyRegions(ctx, districtCode, SYSTEM_ACTOR)).created;
  }
  if ((await usersRepository.countAll(database.db)) === 0) {
    const password = ctx.config.adminPassword ?? generatePassword();
    // A generated password has been printed and written to a file others may read: its owner
    // must replace it. One the operator configured is their own choice and stays.
    await createAdmin(ctx, database, password, !ctx.config.adminPassword);
    report.firstStart = true;
    if (!ctx.config.adminPassword) {
      report.generatedAdminPassword = password;
      report.credentialsFile = appendInitialCredentials(ctx.config.dataDir, [
        { username: 'admin', password },
      ]);
    }
  }
  return report;
}

async function createAdmin(
  ctx: ServiceContext,
  database: Database,
  password: string,
  mustChangePassword: boolean,
): Promise<void> {
  const now = ctx.now().toISOString();
  const id = uuidv7();
  const districtCode = ctx.config.districtCode;
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    await usersRepository.insert(trx, {
      id,
      username: 'admin',
      password_hash: passwordHash,
      display_name: '系统管理员',
      status: 'active',
      region_code: districtCode,
      district_code: districtCode,
      password_changed_at: now,
      password_change_required: mustChangePassword ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await usersRepository.insertAssignment(trx, {
      id: uuidv7(),
      user_id: id,
      role: 'district_admin',
      region_code: districtCode,
      district_code: districtCode,
      created_at: now,
    });
    await ctx.audit.append(trx, SYSTEM_ACTOR, {
      action: 'user.created',
      targetType: 'user',
      targetId: id,
      regionCode: districtCode,
      summary: { username: 'admin', role: 'district_admin', passwordChangeRequired: mustChangePassword },
    });
  });
}
