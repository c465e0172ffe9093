import type { Catalog, ForeignKey, TableInfo } from './catalog.js';

/** The distribution column of every large table, and the one each rewritten key starts with. */
export const DISTRIBUTION_COLUMN = 'district_code';

/**
 * Small tables every district reads, copied whole to every node, in an order where a table comes
 * after the tables it references. `regions` holds the whole tree (the city and its districts are
 * rows too), `users` and `role_assignments` are read on every request to sign in and scope it.
 */
export const REFERENCE_TABLES = [
  'regions',
  'service_categories',
  'tags',
  'calendar_days',
  'users',
  'role_assignments',
] as const;

/**
 * Foreign keys that point into another district by design: a transfer letter is kept by the
 * sending district and names the receiving organization, which may be in another district; a
 * member received by another district keeps the row (and district_code) of the district that
 * registered them while organization_id and region_code move (transfers.repository moveMember),
 * and Citus refuses to change a row's district_code. Citus cannot check a key across shards, so
 * these are dropped; the services check the target.
 */
export const CROSS_DISTRICT_FOREIGN_KEYS: Record<string, readonly string[]> = {
  transfers: ['to_organization_id'],
  members: ['organization_id'],
};

export type StepKind =
  | 'drop-foreign-key'
  | 'rewrite-key'
  | 'rewrite-unique-index'
  | 'reference'
  | 'distribute'
  | 'add-foreign-key'
  | 'database-setting';

export interface Step {
  kind: StepKind;
  table: string;
  /** One line for the operator, printed as the step runs. */
  description: string;
  statements: string[];
}

export type Treatment = 'reference' | 'distributed' | 'local';

/** Reference if listed; distributed if it carries district_code; otherwise left on the coordinator. */
export function treatmentOf(table: TableInfo): Treatment {
  if ((REFERENCE_TABLES as readonly string[]).includes(table.name)) return 'reference';
  return table.hasDistrictCode ? 'distributed' : 'local';
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const list = (columns: readonly string[]): string => columns.map(quote).join(', ');
const DELETE_ACTIONS: Record<string, string> = {
  a: '',
  r: ' on delete restrict',
  c: ' on delete cascade',
  n: ' on delete set null',
  d: ' on delete set default',
};

function includesDistrict(columns: readonly string[]): boolean {
  return columns.includes(DISTRIBUTION_COLUMN);
}

function isCrossDistrict(fk: ForeignKey): boolean {
  const columns = CROSS_DISTRICT_FOREIGN_KEYS[fk.table] ?? [];
  return fk.columns.length === 1 && columns.includes(fk.columns[0]!);
}

/**
 * What to do with one foreign key: keep it (to a reference table, or already keyed by district),
 * rewrite it to (district_code, x) → (district_code, id), or drop it (it crosses districts, or a
 * coordinator table points at a distributed one, which Citus cannot enforce).
 */
export function foreignKeyFate(
  fk: ForeignKey,
  treatment: Map<string, Treatment>,
): 'keep' | 'rewrite' | 'drop' {
  const child = treatment.get(fk.table);
  const parent = treatment.get(fk.refTable);
  if (parent !== 'distributed') return 'keep';
  if (child !== 'distributed') return 'drop';
  if (isCrossDistrict(fk)) return 'drop';
  return includesDistrict(fk.columns) ? 'keep' : 'rewrite';
}

/**
 * Joins on an id alone (persons ⋈ households on households.id = persons.household_id) do not
 * name district_code, so Citus cannot send them to one shard group; with this setting it
 * repartitions such inner joins instead of refusing them. Outer joins and correlated subqueries
 * on id alone stay refused: they need `and a.district_code = b.district_code` in the query.
 */
export const DATABASE_SETTINGS = ['citus.enable_repartition_joins=on'] as const;

/**
 * Every step still needed on this database, in the order they must run. Empty on a database
 * already distributed, so running the command again does nothing.
 */
export function planDistribution(catalog: Catalog, colocateWith: string): Step[] {
  const treatment = new Map(catalog.tables.map((t) => [t.name, treatmentOf(t)]));
  const citusType = new Map(catalog.tables.map((t) => [t.name, t.citusType]));
  const distributed = catalog.tables.filter((t) => treatment.get(t.name) === 'distributed');
  const isDistributed = (name: string) => treatment.get(name) === 'distributed';
  const steps: Step[] = [];

  const rewrites: ForeignKey[] = [];
  for (const fk of catalog.foreignKeys) {
    const fate = foreignKeyFate(fk, treatment);
    if (fate === 'keep') continue;
    if (fate === 'rewrite') rewrites.push(fk);
    steps.push({
      kind: 'drop-foreign-key',
      table: fk.table,
      description: `${fk.table}: drop ${fk.name} (${fk.columns.join(', ')} → ${fk.refTable})${fate === 'rewrite' ? ', to be added again with district_code' : ', not enforceable across districts'}`,
      statements: [`alter table ${quote(fk.table)} drop constraint ${quote(fk.name)}`],
    });
  }

  for (const key of catalog.keys) {
    if (!isDistributed(key.table) || includesDistrict(key.columns)) continue;
    const columns = [DISTRIBUTION_COLUMN, ...key.columns];
    const kind = key.kind === 'primary' ? 'primary key' : 'unique';
    steps.push({
      kind: 'rewrite-key',
      table: key.table,
      description: `${key.table}: ${kind} ${key.name} (${key.columns.join(', ')}) → (${columns.join(', ')})`,
      statements: [
        `alter table ${quote(key.table)} drop constraint ${quote(key.name)}, add constraint ${quote(key.name)} ${kind} (${list(columns)})`,
      ],
    });
  }

  for (const index of catalog.uniqueIndexes) {
    if (!isDistributed(index.table) || includesDistrict(index.columns)) continue;
    const definition = index.definition.replace(/ USING (\w+) \(/, ` USING $1 (${DISTRIBUTION_COLUMN}, `);
    steps.push({
      kind: 'rewrite-unique-index',
      table: index.table,
      description: `${index.table}: unique index ${index.name} (${index.columns.join(', ')}) gains district_code`,
      statements: [`drop index ${quote(index.name)}`, definition],
    });
  }

  for (const name of REFERENCE_TABLES) {
    if (!treatment.has(name) || citusType.get(name)) continue;
    steps.push({
      kind: 'reference',
      table: name,
      description: `${name}: reference table (a copy on every node)`,
      statements: [`select create_reference_table('${name}')`],
    });
  }

  const anchorDone = citusType.get(colocateWith) === 'distributed';
  const ordered = [...distributed].sort((a, b) =>
    a.name === colocateWith ? -1 : b.name === colocateWith ? 1 : a.name.localeCompare(b.name),
  );
  for (const table of ordered) {
    if (table.citusType) continue;
    const first = table.name === colocateWith && !anchorDone;
    steps.push({
      kind: 'distribute',
      table: table.name,
      description: `${table.name}: distributed by district_code${first ? '' : `, co-located with ${colocateWith}`}`,
      statements: [
        `select create_distributed_table('${table.name}', '${DISTRIBUTION_COLUMN}', colocate_with => '${first ? 'none' : colocateWith}')`,
      ],
    });
  }

  for (const fk of rewrites) {
    const columns = [DISTRIBUTION_COLUMN, ...fk.columns];
    const refColumns = [DISTRIBUTION_COLUMN, ...fk.refColumns];
    steps.push({
      kind: 'add-foreign-key',
      table: fk.table,
      description: `${fk.table}: ${fk.name} (${columns.join(', ')}) → ${fk.refTable} (${refColumns.join(', ')})`,
      statements: [
        `alter table ${quote(fk.table)} add constraint ${quote(fk.name)} foreign key (${list(columns)}) references ${quote(fk.refTable)} (${list(refColumns)})${DELETE_ACTIONS[fk.onDelete] ?? ''}`,
      ],
    });
  }
  for (const setting of DATABASE_SETTINGS) {
    if (catalog.databaseSettings.includes(setting)) continue;
    const [name, value] = setting.split('=') as [string, string];
    steps.push({
      kind: 'database-setting',
      table: '',
      description: `database: ${name} = ${value} for new sessions`,
      statements: [
        `do $$ begin execute format('alter database %I set ${name} = ${value}', current_database()); end $$`,
      ],
    });
  }
  return steps;
}
