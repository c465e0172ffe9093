import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoleAssignment, User } from '../db/tables.js';
import { PERMISSIONS } from './permissions.js';
import { principalOf } from './principal.js';
import { scopeOf } from './scope.js';

const at = '2026-01-01T00:00:00.000Z';
const user: User = {
  id: 'u1',
  username: 'wanglei',
  password_hash: 'x',
  display_name: '王磊',
  status: 'active',
  region_code: '230108001',
  district_code: '230108',
  password_changed_at: at,
  password_change_required: 0,
  created_at: at,
  updated_at: at,
};
const assignment = (role: string, region: string): RoleAssignment => ({
  id: `${role}-${region}`,
  user_id: user.id,
  role,
  region_code: region,
  district_code: '230108',
  created_at: at,
});
const assignments = [assignment('grid_worker', '23010800100201'), assignment('hotline_operator', '230108')];
const actor = { id: user.id, name: user.username, ip: '127.0.0.1', requestId: 'r1' };

describe('the principal', () => {
  it('answers scopeFor exactly as scopeOf does, once per permission', () => {
    const principal = principalOf({
      user,
      sessionId: 's',
      assignments,
      actor,
      dialect: 'sqlite',
      routePermission: null,
    });
    for (const permission of PERMISSIONS) {
      const scope = principal.scopeFor(permission);
      expect(scope.roots, permission).toEqual(scopeOf(assignments, permission, 'sqlite').roots);
      // Cached: the same object the second time, so a request computes each scope once.
      expect(principal.scopeFor(permission), permission).toBe(scope);
    }
  });

  it("holds the route's scope, empty on routes that declare only 'authenticated'", () => {
    const onRoute = principalOf({
      user,
      sessionId: 's',
      assignments,
      actor,
      dialect: 'postgres',
      routePermission: 'workorder.handle',
    });
    expect(onRoute.scope.roots).toEqual(['23010800100201']);
    expect(onRoute.scope).toBe(onRoute.scopeFor('workorder.handle'));
    expect(onRoute.userId).toBe(user.id);
    expect(onRoute.actor).toEqual(actor);
    const authenticatedOnly = principalOf({
      user,
      sessionId: 's',
      assignments,
      actor,
      dialect: 'postgres',
      routePermission: null,
    });
    expect(authenticatedOnly.scope.isEmpty).toBe(true);
  });
});

const serverRoot = path.resolve(import.meta.dirname, '..');
const self = path.resolve(import.meta.dirname, 'principal.test.ts');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') && full !== self ? [full] : [];
  });
}

/** The shapes the principal replaced; none may come back under another module's name. */
const RETIRED = /\b(Caller|callerOf|MemberWriter|writerOf)\b/g;
const retiredIn = (text: string): string[] => [...text.matchAll(RETIRED)].map((m) => m[1] ?? '');

describe('one principal, one scope helper', () => {
  it('finds a retired identifier when there is one (the check itself works)', () => {
    expect(retiredIn('export interface Caller { userId: string }\nconst w = writerOf(request);')).toEqual([
      'Caller',
      'writerOf',
    ]);
    expect(retiredIn('const found = await workOrders.caller(principal, phone); // SignedInResident')).toEqual(
      [],
    );
  });

  it('src/server has no Caller, callerOf, MemberWriter or writerOf', () => {
    const hits = sourcesUnder(serverRoot).flatMap((file) =>
      retiredIn(readFileSync(file, 'utf8')).map((name) => `${path.relative(serverRoot, file)}: ${name}`),
    );
    expect(hits).toEqual([]);
  });

  it('scope is computed in one file (auth/scope.ts) and asked for only through the principal', () => {
    const defining: string[] = [];
    const calling: string[] = [];
    for (const file of sourcesUnder(serverRoot)) {
      const relative = path.relative(serverRoot, file);
      const text = readFileSync(file, 'utf8');
      if (/function scopeOf\b|ROLE_PERMISSIONS\[[^\]]+\]\.includes\(permission\)/.test(text))
        defining.push(relative);
      if (!relative.endsWith('.test.ts') && /\bscopeOf\(/.test(text)) calling.push(relative);
    }
    expect(defining).toEqual([path.join('auth', 'scope.ts')]);
    expect(calling.sort()).toEqual([path.join('auth', 'principal.ts'), path.join('auth', 'scope.ts')]);
  });
});
