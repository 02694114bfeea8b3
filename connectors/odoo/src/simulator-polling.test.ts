import { createConnectorInvoker } from '@waybill/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import {
  type OdooProtocol,
  objectOf,
  protocols,
  useOdooSimulator,
  withoutDatabase,
} from './testing/simulator-harness.js';

/**
 * The odoo.modelChanged trigger against the Odoo simulator over real HTTP on 127.0.0.1, with the
 * simulator's clock in the test's hands so that write dates (to the second, as Odoo reads them)
 * are exact.
 */

let clock = new Date('2026-03-02T09:00:00Z');
// This file resets on its own: the clock goes back first, because the reset stamps the seed from it.
const server = useOdooSimulator({ now: () => clock, resetEachTest: false });
const invoker = createConnectorInvoker([odooConnector]);

beforeEach(() => {
  clock = new Date('2026-03-02T09:00:00Z');
  server.sim.reset();
});

// The JSON-2 credential names no database (JSON-2 makes it optional), so polling is shown not to need one.
const credential = (protocol: OdooProtocol) =>
  protocol === 'json2' ? withoutDatabase(server.credential(protocol)) : server.credential(protocol);

function at(time: string) {
  clock = new Date(`2026-03-02T${time}Z`);
}

function rename(ref: string, name: string) {
  const [partner] = server.sim.records('res.partner', [['ref', '=', ref]]);
  if (!partner) throw new Error(`no partner ${ref}`);
  server.sim.execute('res.partner', 'write', [[partner.id], { name }]);
  return partner.id;
}

describe.each(protocols)('odoo.modelChanged over %s', (protocol) => {
  const poll = (cursor: unknown, config: Record<string, unknown> = {}) =>
    invoker.poll({
      type: 'odoo.modelChanged',
      config: { model: 'res.partner', fields: ['name', 'ref'], ...config },
      credential: credential(protocol),
      cursor,
      signal: new AbortController().signal,
      log: () => {},
    });

  it('starts after the newest record and then hands out only what changed after the cursor', async () => {
    const start = await poll(undefined);
    expect(start.items).toEqual([]);
    expect(await poll(start.cursor)).toMatchObject({ items: [] });

    at('09:05:00');
    const first = rename('CUST-0003', 'Contoso Pharmacy AG');
    at('09:06:30');
    const second = rename('CUST-0001', 'Acme Retail Corp.');
    const changed = await poll(start.cursor);
    expect(changed.items).toEqual([
      {
        payload: {
          model: 'res.partner',
          id: first,
          writeDate: '2026-03-02 09:05:00',
          record: expect.objectContaining({ name: 'Contoso Pharmacy AG', ref: 'CUST-0003' }),
        },
        dedupeKey: `res.partner:${first}@2026-03-02 09:05:00`,
      },
      {
        payload: {
          model: 'res.partner',
          id: second,
          writeDate: '2026-03-02 09:06:30',
          record: expect.objectContaining({ ref: 'CUST-0001' }),
        },
        dedupeKey: `res.partner:${second}@2026-03-02 09:06:30`,
      },
    ]);
    expect(changed.cursor).toEqual({ writeDate: '2026-03-02 09:06:30', id: second });
    expect(await poll(changed.cursor)).toEqual({ items: [], cursor: changed.cursor });
  });

  it('does not lose records written in the same second with a greater id than the cursor', async () => {
    const start = await poll(undefined);
    at('09:10:00');
    const low = rename('CUST-0002', 'Northwind Traders Inc.');
    const high = rename('CUST-0009', 'Golden Gate Gifts LLC');
    const one = await poll(start.cursor, { batchSize: 1 });
    expect(one.items.map((item) => item.dedupeKey)).toEqual([`res.partner:${low}@2026-03-02 09:10:00`]);
    const two = await poll(one.cursor, { batchSize: 1 });
    expect(two.items.map((item) => item.dedupeKey)).toEqual([`res.partner:${high}@2026-03-02 09:10:00`]);
    expect((await poll(two.cursor, { batchSize: 1 })).items).toEqual([]);
  });

  it('never ends a batch in the middle of a second it has not walked', async () => {
    const start = await poll(undefined);
    at('09:20:00');
    const early = rename('CUST-0004', 'Maison Dupont SA');
    at('09:21:00');
    const a = rename('CUST-0005', 'Tulip Logistics');
    const b = rename('CUST-0006', 'Brightside Supplies');
    const c = rename('CUST-0007', 'Maple Leaf Hardware Ltd');
    const first = await poll(start.cursor, { batchSize: 2 });
    expect(first.items.map((item) => item.payload)).toEqual([expect.objectContaining({ id: early })]);
    const second = await poll(first.cursor, { batchSize: 2 });
    expect(second.items.map((item) => item.payload)).toEqual([
      expect.objectContaining({ id: a }),
      expect.objectContaining({ id: b }),
    ]);
    const third = await poll(second.cursor, { batchSize: 2 });
    expect(third.items.map((item) => item.payload)).toEqual([expect.objectContaining({ id: c })]);
  });

  it('hands out every existing record first when asked to start at the beginning', async () => {
    const config = { domain: [['ref', '=like', 'CUST-000%']], batchSize: 4, startAt: 'beginning' };
    const first = await poll(undefined, config);
    const second = await poll(first.cursor, config);
    const third = await poll(second.cursor, config);
    const refs = [...first.items, ...second.items, ...third.items].map(
      (item) => objectOf(objectOf(item.payload).record).ref,
    );
    expect(refs).toEqual([
      'CUST-0001',
      'CUST-0002',
      'CUST-0003',
      'CUST-0004',
      'CUST-0005',
      'CUST-0006',
      'CUST-0007',
      'CUST-0008',
      'CUST-0009',
    ]);
    expect((await poll(third.cursor, config)).items).toEqual([]);
  });
});
