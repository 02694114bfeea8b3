import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { describeStoreContract, type StoreHarness } from './testing/store-contract.js';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `waybill_test_${randomBytes(6).toString('hex')}`;
const secretKey = randomBytes(32);
let raw: pg.Pool;

beforeAll(() => {
  raw = new pg.Pool({ connectionString: DATABASE_URL, max: 2, options: `-c search_path=${schema}` });
});

afterAll(async () => {
  await raw.query(`drop schema if exists "${schema}" cascade`);
  await raw.end();
});

const harness: StoreHarness = {
  open: (options) =>
    openStore({
      databaseUrl: DATABASE_URL,
      pgSchema: schema,
      secretKey: options?.secretKey ?? secretKey,
      ...(options?.reloadKeys ? { reloadKeys: options.reloadKeys } : {}),
      ...(options?.now ? { now: options.now } : {}),
    }),
  async query<T>(text: string, params: unknown[] = []) {
    let index = 0;
    const { rows } = await raw.query(
      text.replace(/\?/g, () => `$${++index}`),
      params,
    );
    return rows as T[];
  },
};

describeStoreContract('PostgreSQL', () => harness);

describe('PostgreSQL specifics', () => {
  it('keeps its tables in the schema it was given', async () => {
    const store = await harness.open();
    await store.close();
    const tables = await harness.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = ? order by table_name',
      [schema],
    );
    expect(tables.map((t) => t.table_name)).toContain('executions');
    expect(tables.map((t) => t.table_name)).toContain('kysely_migration');
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      openStore({ databaseUrl: DATABASE_URL, pgSchema: 'x"; drop table y; --', secretKey }),
    ).rejects.toThrow(/schema name/);
  });
});
