import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { odooConnector } from './connector.js';
import {
  failure,
  numberIn,
  objectOf,
  protocols,
  sampleOrder,
  useOdooSimulator,
} from './testing/simulator-harness.js';

/**
 * Deliveries and returns against the Odoo simulator over real HTTP on 127.0.0.1, through a
 * credential whose allowed hosts name the simulator's host.
 */

const server = useOdooSimulator();
const { credential } = server;
const invoker = createConnectorInvoker([odooConnector]);

const order = sampleOrder('WEB-3001', { ref: 'CUST-0002', name: 'Northwind Traders' }, [
  { sku: 'SKU-1001', quantity: '10', unitPrice: '2.40' },
  { sku: 'SKU-1004', quantity: '100', unitPrice: '0.35' },
]);

describe.each(protocols)('Odoo deliveries and returns over %s', (protocol) => {
  const run = async (type: string, input: unknown, config: Record<string, unknown> = {}) =>
    (await invoker.invoke(testCall({ type, input, config, credential: credential(protocol) }))).output;

  async function confirmedDelivery() {
    await run('odoo.createSaleOrder', order, { confirm: true });
    const deliveries = await run('odoo.getDeliveries', { orderNumber: order.number });
    expect(deliveries).toMatchObject({
      deliveries: [
        {
          state: 'assigned',
          kind: 'outgoing',
          moves: [
            { sku: 'SKU-1001', demand: '10', quantity: '10' },
            { sku: 'SKU-1004', demand: '100', quantity: '100' },
          ],
        },
      ],
    });
    return deliveries;
  }

  function pickingIdOf(deliveries: unknown, index = 0): number {
    const list = objectOf(deliveries).deliveries;
    if (!Array.isArray(list)) throw new Error('no deliveries');
    return numberIn(list[index], 'pickingId');
  }

  it('lists the deliveries of an order with their moves', async () => {
    const deliveries = await confirmedDelivery();
    expect(deliveries).toMatchObject({ deliveries: [{ name: expect.stringMatching(/^WH\/OUT\/\d+$/) }] });
  });

  it('leaves a backorder for what a partial shipment did not ship', async () => {
    const pickingId = pickingIdOf(await confirmedDelivery());
    const shipped = await run('odoo.validateDelivery', {
      pickingId,
      lines: [
        { sku: 'SKU-1001', quantity: '6' },
        { sku: 'SKU-1004', quantity: '100' },
      ],
    });
    expect(shipped).toMatchObject({
      pickingId,
      state: 'done',
      backorderId: expect.any(Number),
      alreadyDone: false,
    });
    const after = await run('odoo.getDeliveries', { orderNumber: order.number });
    expect(after).toMatchObject({
      deliveries: [
        {
          pickingId,
          state: 'done',
          moves: [
            { sku: 'SKU-1001', quantity: '6' },
            { sku: 'SKU-1004', quantity: '100' },
          ],
        },
        { backorderOfId: pickingId, state: 'assigned', moves: [{ sku: 'SKU-1001', demand: '4' }] },
      ],
    });
  });

  it('reports a delivery already validated instead of validating it again', async () => {
    const pickingId = pickingIdOf(await confirmedDelivery());
    const first = await run('odoo.validateDelivery', {
      pickingId,
      lines: [{ sku: 'SKU-1001', quantity: '10' }],
    });
    const again = await run('odoo.validateDelivery', {
      pickingId,
      lines: [{ sku: 'SKU-1001', quantity: '10' }],
    });
    expect(again).toEqual({ ...objectOf(first), alreadyDone: true });
  });

  it('ships every demanded quantity when no lines are given, leaving no backorder', async () => {
    const pickingId = pickingIdOf(await confirmedDelivery());
    const shipped = await run('odoo.validateDelivery', { pickingId });
    expect(shipped).toEqual({ pickingId, name: expect.any(String), state: 'done', alreadyDone: false });
  });

  it('cancels the rest instead of keeping a backorder when asked', async () => {
    const pickingId = pickingIdOf(await confirmedDelivery());
    const shipped = await run(
      'odoo.validateDelivery',
      { pickingId, lines: [{ sku: 'SKU-1001', quantity: '1' }] },
      { backorder: false },
    );
    expect(shipped).not.toHaveProperty('backorderId');
  });

  it('refuses to ship a SKU the delivery does not contain', async () => {
    const pickingId = pickingIdOf(await confirmedDelivery());
    expect(
      await failure(run('odoo.validateDelivery', { pickingId, lines: [{ sku: 'SKU-1050', quantity: '1' }] })),
    ).toMatchObject({
      kind: 'user',
      code: 'ODOO_SKU_NOT_IN_DELIVERY',
    });
  });

  it('creates a return of delivered goods once, as an incoming transfer', async () => {
    const pickingId = pickingIdOf(await confirmedDelivery());
    await run('odoo.validateDelivery', { pickingId });
    const input = { pickingId, lines: [{ sku: 'SKU-1004', quantity: '5' }] };
    const created = await run('odoo.createReturn', input);
    expect(created).toMatchObject({
      created: true,
      state: 'assigned',
      moves: [{ sku: 'SKU-1004', demand: '5' }],
    });
    const again = await run('odoo.createReturn', input);
    expect(again).toEqual({ ...objectOf(created), created: false });
    const returns = server.sim.records('stock.picking', [['return_id', '=', pickingId]]);
    expect(returns).toHaveLength(1);
    const received = await run('odoo.validateDelivery', { pickingId: numberIn(created, 'returnPickingId') });
    expect(received).toMatchObject({ state: 'done' });
  });

  it('refuses to return goods that have not been delivered', async () => {
    const pickingId = pickingIdOf(await confirmedDelivery());
    expect(await failure(run('odoo.createReturn', { pickingId }))).toMatchObject({
      kind: 'user',
      code: 'ODOO_PICKING_NOT_DONE',
    });
  });
});
