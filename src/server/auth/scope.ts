import { type Expression, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { RoleAssignment } from '../db/tables.js';
import { notFound } from '../http/errors.js';
import { isRoleName, type Permission, ROLE_PERMISSIONS } from './permissions.js';

/**
 * The regions a caller may act in for one permission: the union of the subtrees of their role
 * assignments that grant it. This is the only place that turns scope into SQL. Every query of
 * scoped data goes through `covers` (a list filter) or `includes` (a single target check).
 *
 * Region codes are hierarchical (a child's code extends its parent's), so "inside the subtree of
 * R" is "code starts with R's code".
 */
export class Scope {
  /** Roots with none covered by another: the smallest equivalent list. */
  readonly roots: readonly string[];

  constructor(
    roots: readonly string[],
    /** Which database the conditions are written for (their SQL and which index they may drive). */
    readonly dialect: Dialect,
  ) {
    for (const root of roots) {
      // Codes are digits only, so they can never smuggle a LIKE or GLOB wildcard into a pattern.
      if (!/^\d+$/.test(root)) throw new Error(`Scope root is not a region code: ${root}`);
    }
    const sorted = [...new Set(roots)].sort();
    this.roots = sorted.filter((code) => !sorted.some((other) => other !== code && code.startsWith(other)));
  }

  get isEmpty(): boolean {
    return this.roots.length === 0;
  }

  /** Whether a region (by code) lies inside this scope. */
  includes(regionCode: string): boolean {
    return this.roots.some((root) => regionCode.startsWith(root));
  }

  /** Whether this scope contains the whole subtree of another region, e.g. to grant roles there. */
  coversSubtree(regionCode: string): boolean {
    return this.includes(regionCode);
  }

  /**
   * The part of this scope inside one region's subtree: a filter by region that can only narrow
   * what the caller sees, never widen it.
   */
  narrowedTo(regionCode: string): Scope {
    if (this.includes(regionCode)) return new Scope([regionCode], this.dialect);
    return new Scope(
      this.roots.filter((root) => root.startsWith(regionCode)),
      this.dialect,
    );
  }

  /**
   * A region filter the caller asked for: the part of this scope inside it, or 404 when that part
   * is empty. A filter outside one's scope answers as a region that does not exist, never as an
   * empty list (which would confirm the region and leak that it has no data one may see).
   */
  filteredTo(regionCode: string): Scope {
    const narrowed = this.narrowedTo(regionCode);
    if (narrowed.isEmpty) throw notFound('region.not_found', { code: regionCode });
    return narrowed;
  }

  /**
   * A WHERE condition: the region code in `column` lies inside this scope.
   *
   * `driveIndex: false` is for keyset pages: the cursor, not the scope, must pick where the index
   * scan starts, or SQLite walks the scope's range from its beginning to reach page 1,000. The
   * unary plus keeps SQLite from using the scope for the index; PostgreSQL plans on costs.
   */
  covers(column: string, options: { driveIndex?: boolean } = {}): Expression<SqlBool> {
    if (this.roots.length === 0) return sql<SqlBool>`1 = 0`;
    const ref =
      options.driveIndex === false && this.dialect === 'sqlite' ? sql`+${sql.ref(column)}` : sql.ref(column);
    // SQLite uses an index for GLOB on a BINARY column but not for LIKE; PostgreSQL does for LIKE
    // with a varchar_pattern_ops index, but that index cannot give rows in (region_code, id)
    // order, so a list's first page read the whole scope and sorted it: 100–164 ms for a district
    // of the city (issue 19). The same prefix spelled as a range drives the plain (region_code,
    // id) index, in order, and a LIMIT stops after the page. The range alone: codes are digits
    // only (the constructor refuses anything else as a root, and regions are numbered), which
    // every collation orders as bytes. A LIKE beside it would count the scope's selectivity twice
    // (an eighth of an eighth for a district of the city) and steer the planner back to the sort.
    const conditions = this.roots.map((root) => {
      if (this.dialect === 'sqlite') return sql<SqlBool>`${ref} glob ${`${root}*`}`;
      const above = codeRangeEnd(root);
      return above
        ? sql<SqlBool>`(${ref} >= ${root} and ${ref} < ${above})`
        : sql<SqlBool>`${ref} >= ${root}`;
    });
    return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
  }

  /**
   * On SQLite, a bound above every code in the scope (':' sorts right after '9' in BINARY order),
   * so a keyset scan stops at the scope's end; undefined elsewhere, where collations differ.
   */
  get upperBound(): string | undefined {
    if (this.dialect !== 'sqlite' || this.roots.length === 0) return undefined;
    return `${[...this.roots].sort().at(-1)}:`;
  }
}

/**
 * The least string of digits above every code that starts with `prefix`: its last digit below 9
 * plus one, what follows dropped ('230108' → '230109', '2301099' → '23011'). Undefined for a
 * prefix of nines, which nothing of its length follows.
 */
export function codeRangeEnd(prefix: string): string | undefined {
  const digits = prefix.replace(/9+$/, '');
  if (digits.length === 0) return undefined;
  return `${digits.slice(0, -1)}${Number(digits.at(-1)) + 1}`;
}

type Assignment = Pick<RoleAssignment, 'role' | 'region_code'>;

/**
 * The region codes where one's role assignments grant a permission, as assigned (not reduced).
 * With `scopeOf` the one definition of where a permission holds; requests ask their principal
 * (`auth/principal.ts`, `scopeFor`), which asks this file once per permission.
 */
export function grantingRegions(assignments: readonly Assignment[], permission: Permission): string[] {
  return assignments
    .filter((a) => isRoleName(a.role) && ROLE_PERMISSIONS[a.role].includes(permission))
    .map((a) => a.region_code);
}

export function scopeOf(assignments: readonly Assignment[], permission: Permission, dialect: Dialect): Scope {
  return new Scope(grantingRegions(assignments, permission), dialect);
}
