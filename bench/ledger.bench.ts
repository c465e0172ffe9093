/**
 * bench/ledger: time-bank transfers per second with their balance checks (each a transaction that
 * reads the limits, moves both cached balances under their floor and ceiling and writes the
 * transfer with its two ledger rows), run by many concurrent callers, against plain inserts of the
 * same transfer and ledger rows by the same callers in the same run. Target ratio ≥ 0.3.
 *   npm run bench -- ledger [--rows 4000] [--dialect sqlite|postgres]
 */
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/server/db/database.js';
import { accountsRepository } from '../src/server/modules/timebank/accounts.repository.js';
import { openAccountIn } from '../src/server/modules/timebank/index.js';
import { postTransfer } from '../src/server/modules/timebank/ledger.js';
import type { TimebankAccount } from '../src/server/modules/timebank/timebank.tables.js';
import { benchDatabase, benchOptions, printResult, round } from './support.js';

const { dialect, rows: transfers } = benchOptions(4000);
const ACCOUNTS = 200;
const CALLERS = 16;
const QINGNIAN = '230108001002';
const { handle } = await benchDatabase(dialect);
// PostgreSQL: a connection per caller, so transfers really overlap and contend for row locks.
const database = handle.databaseUrl
  ? openDatabase({ dataDir: handle.dataDir, databaseUrl: handle.databaseUrl, poolSize: CALLERS })
  : handle.database;
const { db } = database;

const at = () => new Date().toISOString();
const accounts: TimebankAccount[] = [];
await db.transaction().execute(async (trx) => {
  const team = await openAccountIn(
    trx,
    { kind: 'organization', id: uuidv7(), name: '压测服务队', regionCode: QINGNIAN },
    at(),
  );
  for (let i = 0; i < ACCOUNTS; i++) {
    const { account } = await openAccountIn(
      trx,
      { kind: 'person', id: uuidv7(), name: `压测居民${i}`, regionCode: QINGNIAN },
      at(),
    );
    await postTransfer(trx, {
      from: team.account,
      to: account,
      minutes: 500,
      kind: 'credit',
      createdBy: null,
      at: at(),
    });
    accounts.push(account);
  }
});

let seed = 42;
/** Deterministic pairs of distinct accounts, the same for both runs. */
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pairs = Array.from({ length: transfers }, () => {
  const from = Math.floor(random() * ACCOUNTS);
  const to = (from + 1 + Math.floor(random() * (ACCOUNTS - 1))) % ACCOUNTS;
  return [accounts[from]!, accounts[to]!] as const;
});

/** Runs `work` for every pair by CALLERS concurrent callers; transfers per second. */
async function run(work: (from: TimebankAccount, to: TimebankAccount) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (next < pairs.length) {
        const [from, to] = pairs[next++]!;
        await work(from, to);
      }
    }),
  );
  return pairs.length / ((performance.now() - started) / 1000);
}

let refused = 0;
const checked = await run(async (from, to) => {
  try {
    await db
      .transaction()
      .execute((trx) =>
        postTransfer(trx, { from, to, minutes: 3, kind: 'transfer', createdBy: null, at: at() }),
      );
  } catch {
    refused += 1; // below the floor: checked and refused, as it should be
  }
});
const plain = await run(async (from, to) => {
  await db.transaction().execute(async (trx) => {
    const id = uuidv7();
    const now = at();
    await accountsRepository.insertTransfer(
      trx,
      {
        id,
        district_code: '230108',
        from_account_id: from.id,
        to_account_id: to.id,
        minutes: 3,
        kind: 'transfer',
        memo: '',
        created_at: now,
      },
      [
        {
          id: uuidv7(),
          district_code: '230108',
          transfer_id: id,
          account_id: from.id,
          minutes: -3,
          created_at: now,
        },
        {
          id: uuidv7(),
          district_code: '230108',
          transfer_id: id,
          account_id: to.id,
          minutes: 3,
          created_at: now,
        },
      ],
    );
  });
});

if (database !== handle.database) await database.close();
await handle.drop();
printResult({
  bench: 'ledger',
  dialect,
  transfers,
  callers: CALLERS,
  checkedPerSecond: round(checked),
  plainInsertsPerSecond: round(plain),
  refused,
  ratio: round(checked / plain),
  target: 0.3,
});
