import type { Scope } from '../../auth/scope.js';
import type { Database } from '../../db/database.js';
import type { AuditRow } from '../../db/tables.js';
import { type AuditFilter, listAudit } from './audit-query.repository.js';

/** Reading the audit log: auditors see the rows of the regions in their scope, newest first. */
export class AuditLogService {
  constructor(private readonly database: Database) {}

  list(scope: Scope, filter: AuditFilter): Promise<AuditRow[]> {
    return listAudit(this.database.db, scope, filter);
  }
}
