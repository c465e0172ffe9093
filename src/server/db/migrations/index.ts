import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../database.js';
import * as foundation from './0001-foundation.js';
import * as register from './0002-register.js';
import * as organizations from './0003-organizations.js';
import * as workOrders from './0004-work-orders.js';
import * as cockpit from './0005-cockpit.js';
import * as workOrderNumbers from './0006-work-order-numbers.js';
import * as auditMac from './0008-audit-mac.js';
import * as publicDescription from './0009-public-description.js';
import * as districtCatalogue from './0010-district-catalogue.js';
import * as workOrderListIndex from './0011-work-order-list-index.js';
import * as workOrdersByPerson from './0012-work-orders-by-person.js';
import * as timebank from './0013-timebank.js';
import * as visits from './0014-visits.js';
import * as passwordChangeRequired from './0015-password-change-required.js';
import * as volunteering from './0016-volunteering.js';
import * as idempotencyKeys from './0017-idempotency-keys.js';
import * as timebankOwnPages from './0018-timebank-own-pages.js';
import * as jobs from './0021-jobs.js';
import * as loans from './0022-loans.js';
import * as noHotRows from './0023-no-hot-rows.js';
import * as training from './0024-training.js';
import * as pairingsCollectives from './0025-pairings-collectives.js';
import * as fundsDues from './0026-funds-dues.js';
import * as portalElderMode from './0027-portal-elder-mode.js';
import * as jobLeases from './0028-job-leases.js';
import * as meetings from './0029-meetings.js';
import * as surveys from './0030-surveys.js';
import * as relocation from './0031-relocation.js';
import * as reviews from './0033-reviews.js';
import * as worklogs from './0034-worklogs.js';
import * as points from './0035-points.js';
import * as bulletins from './0036-bulletins.js';
import * as cobuilding from './0037-cobuilding.js';
import * as districtConflictKeys from './0038-district-conflict-keys.js';
import * as jobFairsAlerts from './0039-job-fairs-alerts.js';
import * as listOrderIndexes from './0040-list-order-indexes.js';

/** What a migration may need to know about the database it runs on. */
export interface MigrationContext {
  dialect: Dialect;
  /** Column type for a point in time: timestamptz on PostgreSQL, ISO text on SQLite. */
  timestamp: 'timestamptz' | 'text';
}

interface DialectMigration {
  up(db: Kysely<unknown>, context: MigrationContext): Promise<void>;
  down(db: Kysely<unknown>, context: MigrationContext): Promise<void>;
}

/** Listed by hand, in order: a bundler-free, import-safe registry (no directory scanning at run time). */
const migrations: Record<string, DialectMigration> = {
  '0001-foundation': foundation,
  '0002-register': register,
  '0003-organizations': organizations,
  '0004-work-orders': workOrders,
  '0005-cockpit': cockpit,
  '0006-work-order-numbers': workOrderNumbers,
  '0008-audit-mac': auditMac,
  '0009-public-description': publicDescription,
  '0010-district-catalogue': districtCatalogue,
  '0011-work-order-list-index': workOrderListIndex,
  '0012-work-orders-by-person': workOrdersByPerson,
  '0013-timebank': timebank,
  '0014-visits': visits,
  '0015-password-change-required': passwordChangeRequired,
  '0016-volunteering': volunteering,
  '0017-idempotency-keys': idempotencyKeys,
  '0018-timebank-own-pages': timebankOwnPages,
  '0021-jobs': jobs,
  '0022-loans': loans,
  '0023-no-hot-rows': noHotRows,
  '0024-training': training,
  '0025-pairings-collectives': pairingsCollectives,
  '0026-funds-dues': fundsDues,
  '0027-portal-elder-mode': portalElderMode,
  '0028-job-leases': jobLeases,
  '0029-meetings': meetings,
  '0031-relocation': relocation,
  '0030-surveys': surveys,
  '0033-reviews': reviews,
  '0034-worklogs': worklogs,
  '0035-points': points,
  '0036-bulletins': bulletins,
  '0037-cobuilding': cobuilding,
  '0038-district-conflict-keys': districtConflictKeys,
  '0039-job-fairs-alerts': jobFairsAlerts,
  '0040-list-order-indexes': listOrderIndexes,
};

export class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const context: MigrationContext = {
      dialect: this.dialect,
      timestamp: this.dialect === 'postgres' ? 'timestamptz' : 'text',
    };
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [
        name,
        {
          up: (db: Kysely<unknown>) => m.up(db, context),
          down: (db: Kysely<unknown>) => m.down(db, context),
        },
      ]),
    );
  }
}
