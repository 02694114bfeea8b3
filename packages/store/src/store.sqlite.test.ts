import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { newExecution } from './testing/fixtures.js';
import { describeStoreContract, type StoreHarness } from './testing/store-contract.js';

let dir: string;
let raw: BetterSqlite3.Database | undefined;
const secretKey = randomBytes(32);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waybill-store-'));
});

afterAll(async () => {
  raw?.close();
  await rm(dir, { recursive: true, force: true });
});

const harness: StoreHarness = {
  open: (options) =>
    openStore({
      sqlitePath: join(dir, 'nested', 'waybill.db'),
      secretKey: options?.secretKey ?? secretKey,
      ...(options?.reloadKeys ? { reloadKeys: options.reloadKeys } : {}),
      ...(options?.now ? { now: options.now } : {}),
    }),
  async query<T>(text: string, params: unknown[] = []) {
    // A second connection to the same file, as an operator's sqlite3 shell would be.
    raw ??= new BetterSqlite3(join(dir, 'nested', 'waybill.db'));
    const statement = raw.prepare(text);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  },
};

describeStoreContract('SQLite', () => harness);

describe('SQLite specifics', () => {
  it('runs on an in-memory database for tests', async () => {
    const store = await openStore({ sqlitePath: ':memory:', secretKey });
    try {
      expect(store.dialect).toBe('sqlite');
      const { executionId } = await store.intake.accept({ ...newExecution('orders'), dedupeKey: 'k' });
      expect((await store.executions.get(executionId))?.status).toBe('queued');
      await store.ping();
    } finally {
      await store.close();
      await store.close();
    }
  });

  it('keeps the file in WAL mode', async () => {
    const store = await harness.open();
    await store.close();
    expect(await harness.query<{ journal_mode: string }>('pragma journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
  });

  it('refuses a database URL it cannot serve and a key of the wrong length, with a sentence each', async () => {
    await expect(openStore({ databaseUrl: 'mysql://localhost/x', secretKey })).rejects.toThrow(
      /must start with postgres:\/\//,
    );
    await expect(openStore({ sqlitePath: ':memory:', secretKey: randomBytes(16) })).rejects.toThrow(
      /must be 32 bytes/,
    );
  });

  it('accepts a sqlite: database URL as a file path', async () => {
    const store = await openStore({ databaseUrl: `sqlite:${join(dir, 'url.db')}`, secretKey });
    await store.close();
    expect(store.dialect).toBe('sqlite');
  });
});
