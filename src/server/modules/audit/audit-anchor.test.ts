import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../db/migrate.js';
import type { AuditRow } from '../../db/tables.js';
import { startScheduler } from '../../scheduler.js';
import { DISTRICT, describeEachDialect } from '../../testing/test-env.js';
import { auditAnchor } from './audit-anchor.js';
import { districtLinkHash, GENESIS_HASH } from './audit-chain.js';
import { sealAuditChains } from './audit-sealer.js';
import { exportAuditHead, verifyAuditChain } from './audit-verify.js';

describeEachDialect('audit chains anchored outside the database', (env) => {
  const anchor = () => auditAnchor(env.ctx);
  const db = () => env.database.db;
  const seal = () => sealAuditChains(env.ctx, { wait: true });
  const exportedFile = () => JSON.parse(fs.readFileSync(anchor().headFile, 'utf8'));

  /** Each test tampers with the log; afterwards the log is put back as it was for the next one. */
  let saved:
    | {
        rows: AuditRow[];
        heads: { district_code: string; link: number; hash: string; mac: string | null; sealed_at: string }[];
      }
    | undefined;
  beforeEach(async () => {
    await env.loginAdmin();
    await seal();
    const rows = await db().selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const heads = await db().selectFrom('audit_chain_heads').selectAll().execute();
    saved = { rows, heads };
  });
  afterEach(async () => {
    if (!saved) return;
    const { rows, heads } = saved;
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom('audit_log').execute();
        for (const row of rows) await trx.insertInto('audit_log').values(row).execute();
        await trx.deleteFrom('audit_chain_heads').execute();
        for (const head of heads) await trx.insertInto('audit_chain_heads').values(head).execute();
      });
    // The anchor may lie ahead of the restored log (rows the test added): start the next one afresh.
    fs.rmSync(anchor().headFile, { force: true });
    saved = undefined;
  });

  /** What someone who can write the database but lacks the key can do: rewrite and rehash onward. */
  async function rewriteAndRehash(fromLink: number, change: Partial<AuditRow>): Promise<void> {
    const rows = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('district_code', '=', DISTRICT)
      .where('link', '>=', fromLink)
      .orderBy('link')
      .execute();
    const before = await db()
      .selectFrom('audit_log')
      .select('hash')
      .where('district_code', '=', DISTRICT)
      .where('link', '=', fromLink - 1)
      .executeTakeFirst();
    let prevHash = before?.hash ?? GENESIS_HASH;
    for (const original of rows) {
      const row = { ...original, ...change, seq: Number(original.seq) };
      const hash = districtLinkHash(prevHash, Number(row.link), row);
      await db()
        .updateTable('audit_log')
        .set({ ...change, prev_hash: prevHash, hash })
        .where('seq', '=', row.seq)
        .execute();
      // Only the first row gets the change; the rest are merely relinked.
      change = {};
      prevHash = hash;
    }
    await db()
      .updateTable('audit_chain_heads')
      .set({ hash: prevHash })
      .where('district_code', '=', DISTRICT)
      .execute();
  }

  it('exports the heads of every chain and moves them forward as rows are sealed', async () => {
    const result = await verifyAuditChain(db(), anchor());
    expect(result).toMatchObject({ ok: true, unsealed: 0 });
    expect(await exportAuditHead(db(), anchor())).toMatchObject({ ok: true, rows: result.rows });
    const file = exportedFile();
    expect(file.legacy.seq).toBe(0);
    expect(file.districts[DISTRICT].seq).toBe(result.rows);
    expect(file.districts[DISTRICT].mac).toMatch(/^[0-9a-f]{64}$/);
    // Later links are checked from the exported heads onward; a row not sealed yet waits.
    await env.loginAdmin();
    expect(await exportAuditHead(db(), anchor())).toMatchObject({ ok: true, rows: result.rows, unsealed: 1 });
    await seal();
    expect(await exportAuditHead(db(), anchor())).toMatchObject({
      ok: true,
      rows: result.rows + 1,
      unsealed: 0,
    });
    expect((await verifyAuditChain(db(), anchor())).ok).toBe(true);
  });

  it('finds a row rewritten with its hash recomputed by someone without the key', async () => {
    await env.loginAdmin();
    await env.loginAdmin();
    await seal();
    const total = (await verifyAuditChain(db(), anchor())).rows;
    const target = total - 1;
    await rewriteAndRehash(target, { actor_name: 'mallory' });
    // The unkeyed chain is fooled: that is why the MACs exist.
    expect((await verifyAuditChain(db())).ok).toBe(true);
    expect(await verifyAuditChain(db(), anchor())).toMatchObject({
      ok: false,
      chain: DISTRICT,
      brokenAt: target,
      reason: 'forged',
    });
    // Stripping the MAC instead does not help either.
    await db().updateTable('audit_log').set({ mac: null }).where('link', '=', target).execute();
    expect(await verifyAuditChain(db(), anchor())).toMatchObject({
      ok: false,
      brokenAt: target,
      reason: 'unsigned',
    });
  });

  it('finds a row edited before it was sealed by its content MAC', async () => {
    await env.loginAdmin();
    const waiting = await db()
      .selectFrom('audit_log')
      .select('seq')
      .where('hash', 'is', null)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('audit_log')
      .set({ actor_name: 'mallory' })
      .where('seq', '=', waiting.seq)
      .execute();
    expect((await verifyAuditChain(db())).ok).toBe(true);
    expect(await verifyAuditChain(db(), anchor())).toMatchObject({
      ok: false,
      chain: DISTRICT,
      brokenAt: Number(waiting.seq),
      reason: 'unsealed_forged',
    });
    // Sealed as it is now, the edit still shows: the row MAC is checked with every link.
    await seal();
    expect(await verifyAuditChain(db(), anchor())).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('finds the last links cut against the exported head, even with the head rewritten', async () => {
    await env.loginAdmin();
    await env.loginAdmin();
    await env.loginAdmin();
    await seal();
    const exported = await exportAuditHead(db(), anchor());
    expect(exported.ok).toBe(true);
    const total = exported.rows;
    const cut = 3;
    await db()
      .deleteFrom('audit_log')
      .where('link', '>', total - cut)
      .execute();
    const newLast = await db()
      .selectFrom('audit_log')
      .select(['hash', 'mac'])
      .where('link', '=', total - cut)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('audit_chain_heads')
      .set({ link: total - cut, hash: newLast.hash!, mac: newLast.mac })
      .where('district_code', '=', DISTRICT)
      .execute();
    // Inside the database alone the cut is invisible.
    expect((await verifyAuditChain(db())).ok).toBe(true);
    expect(await verifyAuditChain(db(), anchor())).toMatchObject({
      ok: false,
      chain: DISTRICT,
      brokenAt: total - cut + 1,
      reason: 'cut',
      exportedLink: total,
    });
    expect(await exportAuditHead(db(), anchor())).toMatchObject({ ok: false, reason: 'cut' });
    // A refused export leaves the anchor where it was.
    expect(exportedFile().districts[DISTRICT].seq).toBe(total);
  });

  it('has the server seal every second and export the heads when it starts', async () => {
    const rows = (await verifyAuditChain(db(), anchor())).rows;
    fs.rmSync(anchor().headFile, { force: true });
    await env.loginAdmin();
    const stop = startScheduler(env.ctx, env.app.log);
    try {
      // Both jobs run at start; wait for their effects rather than for a fixed time.
      const unsealed = () => db().selectFrom('audit_log').select('seq').where('hash', 'is', null).execute();
      for (let i = 0; i < 200 && (!fs.existsSync(anchor().headFile) || (await unsealed()).length > 0); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop();
    }
    expect(exportedFile().districts[DISTRICT].seq).toBeGreaterThanOrEqual(rows);
    expect(await verifyAuditChain(db(), anchor())).toMatchObject({ ok: true, rows: rows + 1, unsealed: 0 });
  });
});

describeEachDialect('audit rows from before migrations 0008 and 0023', (env) => {
  it('verify as the legacy chain, and rows written after the upgrade go into signed district chains', async () => {
    const db = env.database.db;
    const anchor = auditAnchor(env.ctx);
    await env.loginAdmin();
    // Back to the schema before 0008: one chain, no MACs, as on an old installation.
    // (Later migrations are undone first, as an installation of that version never had them.)
    const undone: string[] = [];
    while (!undone.includes('Down 0008-audit-mac')) {
      const step = await migrateDown(env.database);
      expect(step).toHaveLength(1);
      undone.push(...step);
    }
    expect(await migrateToLatest(env.database)).toEqual(
      undone.map((step) => step.replace('Down', 'Up')).reverse(),
    );
    const legacy = await verifyAuditChain(db, anchor);
    expect(legacy).toMatchObject({ ok: true, unsealed: 0 });
    expect(legacy.rows).toBeGreaterThan(0);
    const old = await db.selectFrom('audit_log').select(['mac', 'link']).execute();
    expect(old.every((row) => row.mac === null && row.link === null)).toBe(true);

    await env.loginAdmin();
    await sealAuditChains(env.ctx, { wait: true });
    expect(await verifyAuditChain(db, anchor)).toEqual({ ok: true, rows: legacy.rows + 1, unsealed: 0 });
    const first = await db
      .selectFrom('audit_log')
      .select(['mac', 'prev_hash'])
      .where('district_code', '=', DISTRICT)
      .where('link', '=', 1)
      .executeTakeFirstOrThrow();
    expect(first.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(first.prev_hash).toBe(GENESIS_HASH);
  });
});
