import { createConnectorInvoker } from '@waybill/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSalesforceSessions } from './client/token.js';
import { salesforceConnector } from './connector.js';
import { objectOf, useSalesforceSimulator } from './testing/simulator-harness.js';

/**
 * The salesforce.recordChanged trigger against the simulator over real HTTP, with the simulator's
 * clock in the test's hands so that LastModifiedDate (to the second, as Salesforce stores it) is
 * exact and ties within one second are easy to make.
 */

let clock = new Date('2026-03-02T09:00:00Z');
// This file resets on its own: the clock goes back first, because the seed is stamped from it.
const server = useSalesforceSimulator({ now: () => clock, resetEachTest: false });

beforeEach(() => {
  clock = new Date('2026-03-02T09:00:00Z');
  server.sim.reset();
});

const at = (time: string) => {
  clock = new Date(`2026-03-02T${time}Z`);
};

function rename(ref: string, Name: string): string {
  const account = server.sim.records('Account').find((record) => record.External_Id__c === ref);
  if (!account) throw new Error(`no account ${ref}`);
  server.sim.update('Account', account.Id, { Name });
  return account.Id;
}

/** One poll as a fresh process would run it: a new invoker, no cached session, the cursor from storage (JSON). */
async function poll(cursor: unknown, config: Record<string, unknown> = {}) {
  clearSalesforceSessions();
  const invoker = createConnectorInvoker([salesforceConnector]);
  const result = await invoker.poll({
    type: 'salesforce.recordChanged',
    config: { object: 'Account', fields: ['Name', 'External_Id__c'], ...config },
    credential: server.credential(),
    cursor: cursor === undefined ? undefined : JSON.parse(JSON.stringify(cursor)),
    signal: new AbortController().signal,
    log: () => {},
  });
  return { items: result.items, cursor: JSON.parse(JSON.stringify(result.cursor)) };
}

const refs = (items: { payload: unknown }[]) =>
  items.map((item) => objectOf(objectOf(item.payload).record).External_Id__c);

describe('salesforce.recordChanged', () => {
  it('starts after the newest record and then hands out only what changed after the cursor', async () => {
    const start = await poll(undefined);
    expect(start.items).toEqual([]);
    expect(await poll(start.cursor)).toEqual({ items: [], cursor: start.cursor });

    at('09:05:00');
    const first = rename('CUST-0003', 'Contoso Pharmacy AG');
    at('09:06:30');
    const second = rename('CUST-0001', 'Acme Retail Corp.');
    const changed = await poll(start.cursor);
    expect(changed.items).toEqual([
      {
        payload: {
          object: 'Account',
          id: first,
          lastModified: '2026-03-02T09:05:00.000+0000',
          record: {
            Id: first,
            LastModifiedDate: '2026-03-02T09:05:00.000+0000',
            Name: 'Contoso Pharmacy AG',
            External_Id__c: 'CUST-0003',
          },
        },
        dedupeKey: `${first}@2026-03-02T09:05:00.000+0000`,
      },
      {
        payload: expect.objectContaining({ id: second, lastModified: '2026-03-02T09:06:30.000+0000' }),
        dedupeKey: `${second}@2026-03-02T09:06:30.000+0000`,
      },
    ]);
    expect(changed.cursor).toEqual({ lastModified: '2026-03-02T09:06:30.000+0000', id: second });
    expect((await poll(changed.cursor)).items).toEqual([]);
  });

  it('walks records sharing one second in Id order across restarts, losing and repeating none', async () => {
    const start = await poll(undefined);
    at('09:10:00');
    const ids = ['CUST-0009', 'CUST-0002', 'CUST-0005'].map((ref) => rename(ref, `Renamed ${ref}`));
    const seen: string[] = [];
    let cursor = start.cursor;
    for (let round = 0; round < 4; round++) {
      const result = await poll(cursor, { batchSize: 1 });
      seen.push(...result.items.map((item) => item.dedupeKey));
      cursor = result.cursor;
    }
    const inIdOrder = [...ids].sort();
    expect(seen).toEqual(inIdOrder.map((id) => `${id}@2026-03-02T09:10:00.000+0000`));
    expect(cursor).toEqual({ lastModified: '2026-03-02T09:10:00.000+0000', id: inIdOrder.at(-1) });

    // A later change of a record already handed out runs again, under a new dedupe key.
    at('09:10:01');
    rename('CUST-0002', 'Northwind Again');
    const again = await poll(cursor, { batchSize: 1 });
    expect(again.items.map((item) => item.dedupeKey)).toEqual([`${ids[1]}@2026-03-02T09:10:01.000+0000`]);
  });

  it('hands out every existing record first when asked to start at the beginning, even all in one second', async () => {
    const config = { batchSize: 4, startAt: 'beginning', where: "BillingCountry = 'US'" };
    const first = await poll(undefined, config);
    const second = await poll(first.cursor, config);
    expect([first.items.length, second.items.length]).toEqual([4, 1]);
    // The seed was stamped in one second, so the order is the Id order: the order of creation.
    expect(refs([...first.items, ...second.items])).toEqual([
      'CUST-0001',
      'CUST-0002',
      'CUST-0008',
      'CUST-0009',
      'CUST-0010',
    ]);
    expect((await poll(second.cursor, config)).items).toEqual([]);
  });

  it('applies the WHERE condition to changes too', async () => {
    const config = { where: "BillingCountry = 'DE'" };
    const start = await poll(undefined, config);
    at('09:20:00');
    rename('CUST-0001', 'Acme (US)');
    rename('CUST-0003', 'Contoso (DE)');
    expect(refs((await poll(start.cursor, config)).items)).toEqual(['CUST-0003']);
  });

  it('polls by SystemModstamp when asked, with it in the dedupe key', async () => {
    const config = { timestampField: 'SystemModstamp' };
    const start = await poll(undefined, config);
    at('09:30:00');
    const id = rename('CUST-0004', 'Maison Dupont SAS');
    const result = await poll(start.cursor, config);
    expect(result.items.map((item) => item.dedupeKey)).toEqual([`${id}@2026-03-02T09:30:00.000+0000`]);
    expect(result.cursor).toEqual({ lastModified: '2026-03-02T09:30:00.000+0000', id });
  });

  it('treats an unreadable cursor as a first poll', async () => {
    expect(await poll({ lastModified: 'yesterday', id: 42 })).toMatchObject({
      items: [],
      cursor: { lastModified: '2026-03-02T09:00:00.000+0000' },
    });
  });
});
