import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { AuditAction } from '../../../shared/audit-actions.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { importCountyRegions } from '../regions/index.js';
import { AuditRepository } from './audit.repository.js';
import { sealAuditChains } from './audit-sealer.js';
import { verifyAuditChain } from './audit-verify.js';

/** 道里区: a second district of the same installation, with a chain of its own. */
const DAOLI = '230102';
const actor = { id: null, name: 'test', ip: null, requestId: null };

describeEachDialect('audit chains: appended without a lock, sealed per district', (env) => {
  const db = () => env.database.db;
  // Codes of the test's own, told apart in the chain; no real action needs to be named.
  const append = (regionCode: string, action: string, repository = env.ctx.audit) =>
    db()
      .transaction()
      .execute((trx) => repository.append(trx, actor, { action: action as AuditAction, regionCode }));
  const seal = () => sealAuditChains(env.ctx, { wait: true });
  const rowOf = (action: string) =>
    db().selectFrom('audit_log').selectAll().where('action', '=', action).executeTakeFirstOrThrow();

  it('writes a row with its content MAC and no link; the sealer links it into its district’s chain', async () => {
    await importCountyRegions(env.ctx, DAOLI, SYSTEM_ACTOR);
    await seal();
    await append(QINGNIAN, 'test.here');
    await append(`${DAOLI}001`, 'test.there');
    const waiting = await rowOf('test.here');
    expect(waiting).toMatchObject({ hash: null, prev_hash: null, link: null, mac: null });
    expect(waiting.row_mac).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 2 });

    expect(await seal()).toBe(2);
    const here = await rowOf('test.here');
    const there = await rowOf('test.there');
    expect(here.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(there.district_code).toBe(DAOLI);
    // Each district's chain: 道里区's began with the regions imported above.
    const heads = await db().selectFrom('audit_chain_heads').selectAll().orderBy('district_code').execute();
    expect(heads.map((h) => h.district_code)).toEqual([DAOLI, DISTRICT]);
    expect(Number(heads.find((h) => h.district_code === DAOLI)!.link)).toBe(Number(there.link));
    expect(heads.find((h) => h.district_code === DISTRICT)!.hash).toBe(here.hash);
    // Links of one chain are numbered from 1 without gaps, whatever the seq numbers between them.
    const links = await db()
      .selectFrom('audit_log')
      .select('link')
      .where('district_code', '=', DISTRICT)
      .orderBy('link')
      .execute();
    expect(links.map((row) => Number(row.link))).toEqual(links.map((_, i) => i + 1));
    const verified = await verifyAuditChain(db());
    expect(verified).toMatchObject({ ok: true, unsealed: 0 });
    expect(verified.rows).toBe(await env.countRows('audit_log'));
    expect(await seal()).toBe(0);
  });

  it('rolls the audit row back with a change that fails, and leaves no gap in the chain', async () => {
    await seal();
    const before = await verifyAuditChain(db());
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await env.ctx.audit.append(trx, actor, {
            action: 'region.renamed',
            regionCode: QINGNIAN,
            summary: { doomed: true },
          });
          await sql`select * from no_such_table`.execute(trx);
        }),
    ).rejects.toThrow();
    await append(QINGNIAN, 'test.after_rollback');
    // Another process appends through a repository of its own: nothing to share but the table.
    await append(QINGNIAN, 'test.elsewhere', new AuditRepository(env.now, env.ctx.audit.macKey));
    expect(await seal()).toBe(2);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, rows: before.rows + 2, unsealed: 0 });
  });

  it('seals each row once when sealers run at the same time', async () => {
    for (let i = 0; i < 30; i++) await append(i % 2 ? QINGNIAN : `${DAOLI}001`, `test.burst_${i}`);
    const counts = await Promise.all([
      sealAuditChains(env.ctx),
      sealAuditChains(env.ctx, { wait: true }),
      sealAuditChains(env.ctx),
    ]);
    await seal();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('names the first altered, missing or cut row of a district’s chain', async () => {
    await append(QINGNIAN, 'test.a');
    await append(QINGNIAN, 'test.b');
    await seal();
    const target = await rowOf('test.a');
    const link = Number(target.link);
    await db()
      .updateTable('audit_log')
      .set({ actor_name: 'mallory' })
      .where('seq', '=', target.seq)
      .execute();
    expect(await verifyAuditChain(db())).toMatchObject({
      ok: false,
      chain: DISTRICT,
      brokenAt: link,
      reason: 'altered',
    });
    await db().updateTable('audit_log').set({ actor_name: 'test' }).where('seq', '=', target.seq).execute();
    expect((await verifyAuditChain(db())).ok).toBe(true);

    await db().deleteFrom('audit_log').where('seq', '=', target.seq).execute();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenAt: link, reason: 'missing' });
    await db().insertInto('audit_log').values(target).execute();

    const last = await rowOf('test.b');
    await db().deleteFrom('audit_log').where('seq', '=', last.seq).execute();
    expect(await verifyAuditChain(db())).toMatchObject({
      ok: false,
      chain: DISTRICT,
      reason: 'head_mismatch',
    });
    await db().insertInto('audit_log').values(last).execute();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
