import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { shopifyConnector } from './connector.js';
import { failure, objectOf, useShopifySimulator } from './testing/simulator-harness.js';

/** Inventory levels against the Shopify simulator over real HTTP. */

const server = useShopifySimulator();
const invoker = createConnectorInvoker([shopifyConnector]);
const MAIN = 487838322;
const EAST = 655441491;
const run = (type: string, input: unknown, config: Record<string, unknown> = {}) =>
  invoker.invoke(testCall({ type, input, config, credential: server.credential() }));

/**
 * Sets SKU-1022 to `wanted` while another writer sets it to `concurrent` between the connector's
 * read and its write: the write is throttled once (by injection), and the other writer acts during
 * the wait, as a sale or another app would.
 */
async function racing(concurrent: number, wanted: number) {
  server.sim.failNext({ kind: 'throttle', matchOperation: 'inventorySetQuantities' });
  const running = run(
    'shopify.setInventory',
    { items: [{ sku: 'SKU-1022', quantity: wanted }] },
    { locationId: MAIN },
  );
  for (let tries = 0; tries < 500 && !server.sim.calls.some((call) => call.throttled); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const level = server.sim.store.level(808950816, MAIN);
  if (level) level.available = concurrent;
  return running;
}

describe('shopify.setInventory', () => {
  it('sets available quantities by SKU at the configured location, compared against what it read', async () => {
    const result = await run(
      'shopify.setInventory',
      {
        items: [
          { sku: 'SKU-1001', quantity: 480 },
          { sku: 'SKU-1004', quantity: 1990, locationId: EAST },
        ],
      },
      { locationId: MAIN, reason: 'cycle_count_available' },
    );
    expect(result.output).toMatchObject({
      items: [
        {
          sku: 'SKU-1001',
          locationId: `gid://shopify/Location/${MAIN}`,
          before: 490,
          after: 480,
          changed: true,
        },
        {
          sku: 'SKU-1004',
          locationId: `gid://shopify/Location/${EAST}`,
          before: 1500,
          after: 1990,
          changed: true,
        },
      ],
      adjustmentGroupId: expect.stringMatching(/^gid:\/\/shopify\/InventoryAdjustmentGroup\/\d+$/),
    });
    expect(server.sim.inventory('SKU-1001', MAIN)).toEqual({ available: 480, committed: 10, onHand: 490 });
    expect(server.sim.inventory('SKU-1004', EAST)?.available).toBe(1990);
  });

  it('changes nothing on a repeat: quantities Shopify already has are left alone', async () => {
    const input = { items: [{ sku: 'SKU-1009', quantity: 30 }] };
    await run('shopify.setInventory', input, { locationId: MAIN });
    const again = objectOf((await run('shopify.setInventory', input, { locationId: MAIN })).output);
    expect(again).toEqual({
      items: [
        {
          inventoryItemId: 'gid://shopify/InventoryItem/808950814',
          locationId: `gid://shopify/Location/${MAIN}`,
          sku: 'SKU-1009',
          before: 30,
          after: 30,
          changed: false,
        },
      ],
      adjustmentGroupId: null,
    });
    expect(
      server.sim.calls.filter((call) => call.operations.includes('inventorySetQuantities')),
    ).toHaveLength(1);
  });

  it('sets on-hand quantities, keeping the units committed to orders', async () => {
    await run(
      'shopify.setInventory',
      { items: [{ inventoryItemId: 808950810, quantity: 600 }] },
      { locationId: MAIN, name: 'on_hand' },
    );
    expect(server.sim.inventory('SKU-1001', MAIN)).toEqual({ available: 590, committed: 10, onHand: 600 });
  });

  it("refuses with the caller's compareQuantity when Shopify's quantity has moved on", async () => {
    const error = await failure(
      run(
        'shopify.setInventory',
        { items: [{ sku: 'SKU-1022', quantity: 10, compareQuantity: 999 }] },
        { locationId: MAIN },
      ),
    );
    expect(error).toMatchObject({ kind: 'user', code: 'SHOPIFY_INVENTORY_COMPARE_FAILED' });
    expect(error.message).toBe(
      "Shopify's available quantity of SKU-1022 is no longer the compareQuantity given, so it was not set; read the current quantity and decide again.",
    );
    expect(server.sim.inventory('SKU-1022', MAIN)?.available).toBe(1150);
  });

  it('fails retryably when someone else changes the quantity between the read and the write', async () => {
    const error = await failure(racing(5, 11));
    expect(error).toMatchObject({ kind: 'connector', code: 'SHOPIFY_INVENTORY_CHANGED', retryable: true });
    expect(server.sim.inventory('SKU-1022', MAIN)?.available).toBe(5);
  });

  it('counts a stale compare as done when the quantity is already the wanted one', async () => {
    const result = await racing(11, 11);
    expect(result.output).toMatchObject({
      items: [{ sku: 'SKU-1022', before: 1150, after: 11 }],
      adjustmentGroupId: null,
    });
  });

  it('names the SKUs no variant carries', async () => {
    expect(
      await failure(
        run('shopify.setInventory', { items: [{ sku: 'NOPE-1', quantity: 1 }] }, { locationId: MAIN }),
      ),
    ).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_UNKNOWN_SKU',
      message: 'No Shopify product variant has the SKU NOPE-1; check the SKUs or add them in Shopify.',
    });
  });

  it('asks for a location when neither the item nor the config names one', async () => {
    expect(
      await failure(run('shopify.setInventory', { items: [{ sku: 'SKU-1001', quantity: 1 }] })),
    ).toMatchObject({
      code: 'SHOPIFY_LOCATION_MISSING',
    });
  });

  it('reports an item not stocked at the location as a user error', async () => {
    server.sim.store.levels.delete(`808950811:${EAST}`);
    expect(
      await failure(
        run('shopify.setInventory', { items: [{ sku: 'SKU-1002', quantity: 5 }] }, { locationId: EAST }),
      ),
    ).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_ITEM_NOT_STOCKED',
    });
  });
});

describe('shopify.adjustInventory', () => {
  it('adds and removes units and reports the quantities after the change', async () => {
    const result = await run(
      'shopify.adjustInventory',
      {
        changes: [
          { sku: 'SKU-1006', delta: 24 },
          { sku: 'SKU-1016', delta: -5, locationId: EAST },
        ],
      },
      { locationId: MAIN, reason: 'received' },
    );
    const output = objectOf(result.output);
    const changes = Array.isArray(output.changes) ? output.changes.map(objectOf) : [];
    expect(changes.filter((change) => change.name === 'available')).toEqual([
      {
        inventoryItemId: 'gid://shopify/InventoryItem/808950813',
        locationId: `gid://shopify/Location/${MAIN}`,
        name: 'available',
        delta: 24,
        quantityAfterChange: 660,
      },
      {
        inventoryItemId: 'gid://shopify/InventoryItem/808950815',
        locationId: `gid://shopify/Location/${EAST}`,
        name: 'available',
        delta: -5,
        quantityAfterChange: 82,
      },
    ]);
  });

  it("turns Shopify's INVALID_LOCATION userError into a user error naming the field path", async () => {
    const error = await failure(
      invoker.invoke(
        testCall({
          type: 'shopify.adjustInventory',
          input: { changes: [{ inventoryItemId: 808950813, locationId: 1, delta: 1 }] },
          credential: server.credential(),
        }),
      ),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_USER_ERROR',
      message:
        'Shopify refused inventoryAdjustQuantities: input.changes.0.locationId: The specified location could not be found.',
      upstream: { code: 'INVALID_LOCATION' },
    });
  });
});
