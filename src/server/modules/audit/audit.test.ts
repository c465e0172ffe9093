import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditPageSchema } from '../../../shared/api/audit.js';
import { regionSchema } from '../../../shared/api/regions.js';
import type { AuditAction } from '../../../shared/audit-actions.js';
import { migrateDown, migrateToLatest } from '../../db/migrate.js';
import type { AuditRow } from '../../db/tables.js';
import { startScheduler } from '../../scheduler.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { AuditRepository } from './audit.repository.js';
import { auditAnchor } from './audit-anchor.js';
import { GENESIS_HASH, linkHash } from './audit-chain.js';
import { exportAuditHead, verifyAuditChain } from './audit-verify.js';

describeEachDialect('audit log', (env) => {
  it('records changes, logins, failed logins and permission denials with who, what and where', async () => {
    const admin = await env.loginAdmin();
    await env.inject('POST', '/api/auth/login', { body: { username: 'admin', password: 'Wrong-pass-1' } });
    const grid = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie: admin,
      body: { kind: 'grid', name: '审计网格' },
    });
    const { cookie: operator } = await env.loginAs({ role: 'hotline_operator' });
    await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie: operator,
      body: { kind: 'grid', name: 'x' },
    });

    const log = await env.inject('GET', '/api/audit?limit=200', { cookie: admin });
    const entries = log.body(auditPageSchema).items;
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login_failed',
        'region.created',
        'auth.denied',
        'user.created',
      ]),
    );
    const created = entries.find((e) => e.action === 'region.created');
    const gridCode = grid.body(regionSchema).code;
    expect(created).toMatchObject({
      actor: 'admin',
      targetType: 'region',
      targetId: gridCode,
      regionCode: gridCode,
    });
    expect(created?.summary).toMatchObject({ kind: 'grid', name: '审计网格' });
    // Secrets never reach the audit log.
    const everything = JSON.stringify(log.json);
    expect(everything).not.toContain('Wrong-pass-1');
    expect(everything).not.toContain('lianxin_session');
  });

  it('filters by actor, action prefix and time, and pages by cursor', async () => {
    await env.loginAdmin();
    await env.loginAdmin();
    const admin = await env.loginAdmin();
    const byActor = await env.inject('GET', '/api/audit?actor=admin&action=auth.&limit=2', { cookie: admin });
    const firstPage = byActor.body(auditPageSchema);
    expect(firstPage.items).toHaveLength(2);
    for (const item of firstPage.items) {
      expect(item.actor).toBe('admin');
      expect(item.action.startsWith('auth.')).toBe(true);
    }
    const next = await env.inject(
      'GET',
      `/api/audit?actor=admin&action=auth.&limit=2&cursor=${firstPage.nextCursor}`,
      { cookie: admin },
    );
    expect(next.body(auditPageSchema).items[0]!.seq).toBeLessThan(firstPage.items[1]!.seq);
    const future = await env.inject('GET', '/api/audit?from=2999-01-01T00:00:00%2B08:00', { cookie: admin });
    expect(future.body(auditPageSchema).items).toEqual([]);
    const badTime = await env.inject('GET', '/api/audit?from=yesterday', { cookie: admin });
    expect(badTime.status).toBe(400);
    expect(badTime.error.fields?.[0]?.path).toBe('querystring.from');
  });

  it('shows an auditor only the rows of their scope and refuses everyone else', async () => {
    const admin = await env.loginAdmin();
    await env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
      cookie: admin,
      body: { kind: 'grid', name: '别处网格' },
    });
    const { cookie: auditor } = await env.loginAs({ role: 'auditor', regionCode: QINGNIAN });
    const page = await env.inject('GET', '/api/audit?limit=200', { cookie: auditor });
    const rows = page.body(auditPageSchema).items;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.regionCode.startsWith(QINGNIAN)).toBe(true);
    const { cookie: secretary } = await env.loginAs({ role: 'secretary' });
    expect((await env.inject('GET', '/api/audit', { cookie: secretary })).status).toBe(403);
  });

  it('verifies the hash chain and finds an altered row, a removed row and a removed tail', async () => {
    const db = env.database.db;
    const intact = await verifyAuditChain(db);
    expect(intact.ok).toBe(true);
    const total = intact.rows;
    expect(total).toBeGreaterThan(5);

    const target = 3;
    const original = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', target)
      .executeTakeFirstOrThrow();
    await db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', target).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: target, reason: 'altered' });
    await db
      .updateTable('audit_log')
      .set({ actor_name: original.actor_name })
      .where('seq', '=', target)
      .execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await db.deleteFrom('audit_log').where('seq', '=', target).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: target, reason: 'missing' });
    await db.insertInto('audit_log').values(original).execute();

    const last = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', total)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', total).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, reason: 'head_mismatch' });
    await db.insertInto('audit_log').values(last).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('rolls the audit row back with a change that fails', async () => {
    const before = await verifyAuditChain(env.database.db);
    await expect(
      env.database.db.transaction().execute(async (trx) => {
        await env.ctx.audit.append(
          trx,
          { id: null, name: 'test', ip: null, requestId: null },
          { action: 'region.renamed', regionCode: QINGNIAN, summary: { doomed: true } },
        );
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow();
    const after = await verifyAuditChain(env.database.db);
    expect(after).toEqual(before);
  });

  it('keeps one chain when links come from elsewhere too, and after a rolled-back link', async () => {
    const here = env.ctx.audit;
    // Another process (the CLI, a second server) appends through its own repository.
    const elsewhere = new AuditRepository(env.dialect, env.now, env.ctx.audit.macKey);
    const actor = { id: null, name: 'test', ip: null, requestId: null };
    // Codes of the test's own, told apart in the chain; no real action needs to be named.
    const append = (repository: AuditRepository, action: string) =>
      env.database.db
        .transaction()
        .execute((trx) =>
          repository.append(trx, actor, { action: action as AuditAction, regionCode: QINGNIAN }),
        );
    const before = await verifyAuditChain(env.database.db);
    await append(here, 'test.one');
    await append(here, 'test.two');
    await append(elsewhere, 'test.three');
    await append(here, 'test.four');
    await expect(
      env.database.db.transaction().execute(async (trx) => {
        await here.append(trx, actor, {
          action: 'region.renamed',
          regionCode: QINGNIAN,
          summary: { doomed: true },
        });
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow();
    await append(here, 'test.five');
    await append(elsewhere, 'test.six');
    await append(elsewhere, 'test.seven');
    await append(here, 'test.eight');
    const after = await verifyAuditChain(env.database.db);
    expect(after).toEqual({ ok: true, rows: before.rows + 8 });
    const tail = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .orderBy('seq', 'desc')
      .limit(8)
      .execute();
    expect(tail.map((row) => row.action).reverse()).toEqual([
      'test.one',
      'test.two',
      'test.three',
      'test.four',
      'test.five',
      'test.six',
      'test.seven',
      'test.eight',
    ]);
  });
});

describeEachDialect('audit chain anchored outside the database', (env) => {
  const anchor = () => auditAnchor(env.ctx);

  /** Each test tampers with the log; afterwards the log is put back as it was for the next one. */
  let saved: { rows: AuditRow[]; head: { seq: number; hash: string } } | undefined;
  beforeEach(async () => {
    const db = env.database.db;
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    saved = { rows, head };
  });
  afterEach(async () => {
    if (!saved) return;
    const { rows, head } = saved;
    await env.database.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('audit_log').execute();
      for (const row of rows) await trx.insertInto('audit_log').values(row).execute();
      await trx.updateTable('audit_head').set(head).where('id', '=', 1).execute();
    });
    // The anchor may lie ahead of the restored log (rows the test added): start the next one afresh.
    fs.rmSync(anchor().headFile, { force: true });
    saved = undefined;
  });

  /** What someone who can write the database but lacks the key can do: rewrite and rehash onward. */
  async function rewriteAndRehash(fromSeq: number, change: Partial<AuditRow>): Promise<void> {
    const db = env.database.db;
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', fromSeq)
      .orderBy('seq')
      .execute();
    const before = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', fromSeq - 1)
      .executeTakeFirst();
    let prevHash = before?.hash ?? GENESIS_HASH;
    for (const original of rows) {
      const row = {
        ...original,
        ...(Number(original.seq) === fromSeq ? change : {}),
        seq: Number(original.seq),
      };
      const hash = linkHash(prevHash, row);
      await db
        .updateTable('audit_log')
        .set({ ...change, prev_hash: prevHash, hash })
        .where('seq', '=', row.seq)
        .execute();
      // Only the first row gets the change; the rest are merely relinked.
      change = {};
      prevHash = hash;
    }
    await db.updateTable('audit_head').set({ hash: prevHash }).where('id', '=', 1).execute();
  }

  it('verifies an untouched log and exports its head', async () => {
    await env.loginAdmin();
    const result = await verifyAuditChain(env.database.db, anchor());
    expect(result.ok).toBe(true);
    const exported = await exportAuditHead(env.database.db, anchor());
    expect(exported).toMatchObject({ ok: true, rows: result.rows });
    const file = JSON.parse(fs.readFileSync(anchor().headFile, 'utf8'));
    expect(file.seq).toBe(result.rows);
    expect(file.mac).toMatch(/^[0-9a-f]{64}$/);
    // Later links are checked from the exported head onward, and the head moves forward.
    await env.loginAdmin();
    const again = await exportAuditHead(env.database.db, anchor());
    expect(again).toMatchObject({ ok: true, rows: result.rows + 1 });
    expect((await verifyAuditChain(env.database.db, anchor())).ok).toBe(true);
  });

  it('finds a row rewritten with its hash recomputed by someone without the key', async () => {
    await env.loginAdmin();
    await env.loginAdmin();
    await env.loginAdmin();
    const total = (await verifyAuditChain(env.database.db, anchor())).rows;
    const target = total - 1;
    await rewriteAndRehash(target, { actor_name: 'mallory' });
    // The unkeyed chain is fooled: that is why the MAC exists.
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
    expect(await verifyAuditChain(env.database.db, anchor())).toMatchObject({
      ok: false,
      brokenAtSeq: target,
      reason: 'forged',
    });
    // Stripping the MAC instead does not help either.
    await env.database.db.updateTable('audit_log').set({ mac: null }).where('seq', '=', target).execute();
    expect(await verifyAuditChain(env.database.db, anchor())).toMatchObject({
      ok: false,
      brokenAtSeq: target,
      reason: 'unsigned',
    });
  });

  it('finds the last rows cut against the exported head, even with the head row rewritten', async () => {
    await env.loginAdmin();
    await env.loginAdmin();
    await env.loginAdmin();
    const exported = await exportAuditHead(env.database.db, anchor());
    expect(exported.ok).toBe(true);
    const total = exported.rows;
    const cut = 3;
    const db = env.database.db;
    await db
      .deleteFrom('audit_log')
      .where('seq', '>', total - cut)
      .execute();
    const newLast = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', '=', total - cut)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_head')
      .set({ seq: newLast.seq, hash: newLast.hash })
      .where('id', '=', 1)
      .execute();
    // Inside the database alone the cut is invisible.
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(await verifyAuditChain(db, anchor())).toMatchObject({
      ok: false,
      brokenAtSeq: total - cut + 1,
      reason: 'cut',
      exportedSeq: total,
    });
    expect(await exportAuditHead(db, anchor())).toMatchObject({ ok: false, reason: 'cut' });
    // A refused export leaves the anchor where it was.
    expect(JSON.parse(fs.readFileSync(anchor().headFile, 'utf8')).seq).toBe(total);
  });

  it('has the server export the head when it starts and every minute after', async () => {
    await env.loginAdmin();
    const rows = (await verifyAuditChain(env.database.db, anchor())).rows;
    fs.rmSync(anchor().headFile, { force: true });
    const stop = startScheduler(env.ctx, env.app.log);
    try {
      // The job runs at start; wait for its file rather than for a fixed time.
      for (let i = 0; i < 200 && !fs.existsSync(anchor().headFile); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop();
    }
    expect(JSON.parse(fs.readFileSync(anchor().headFile, 'utf8')).seq).toBeGreaterThanOrEqual(rows);
  });

  it('accepts rows without a MAC only before the first signed row', async () => {
    const db = env.database.db;
    for (let i = 0; i < 4; i++) await env.loginAdmin();
    const total = (await verifyAuditChain(db, anchor())).rows;
    expect(total).toBeGreaterThan(4);
    // Rows from before the upgrade carry no MAC: a log whose first rows lack one still verifies.
    await db.updateTable('audit_log').set({ mac: null }).where('seq', '<=', 2).execute();
    expect(await verifyAuditChain(db, anchor())).toEqual({ ok: true, rows: total });
    await db.updateTable('audit_log').set({ mac: null }).where('seq', '=', total).execute();
    expect(await verifyAuditChain(db, anchor())).toMatchObject({
      ok: false,
      brokenAtSeq: total,
      reason: 'unsigned',
    });
  });
});

describeEachDialect('audit rows from before migration 0008', (env) => {
  it('verify without a MAC, and the rows written after the upgrade are signed', async () => {
    const db = env.database.db;
    await env.loginAdmin();
    // Back to the schema before 0008: the column and every MAC are gone, as on an old installation.
    // (Later migrations are undone first, as an installation of that version never had them.)
    const undone: string[] = [];
    while (!undone.includes('Down 0008-audit-mac')) {
      const step = await migrateDown(env.database);
      expect(step).toHaveLength(1);
      undone.push(...step);
    }
    const old = await verifyAuditChain(db, anchor());
    expect(old.ok).toBe(true);
    expect(await migrateToLatest(env.database)).toEqual(
      undone.map((step) => step.replace('Down', 'Up')).reverse(),
    );
    const unsigned = await db.selectFrom('audit_log').select('mac').execute();
    expect(unsigned.every((row) => row.mac === null)).toBe(true);

    await env.loginAdmin();
    expect(await verifyAuditChain(db, anchor())).toEqual({ ok: true, rows: old.rows + 1 });
    const last = await db
      .selectFrom('audit_log')
      .select('mac')
      .where('seq', '=', old.rows + 1)
      .executeTakeFirstOrThrow();
    expect(last.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  function anchor() {
    return auditAnchor(env.ctx);
  }
});
