import { Type } from '@sinclair/typebox';
import { connectorError, defineOperation, userError } from '@waybill/connector-kit';
import { shopifyUserErrors } from '../errors.js';
import {
  InventoryConfigProperties,
  InventoryTargetProperties,
  notStocked,
  type ResolvedTarget,
  readQuantities,
  resolveTargets,
} from './support/inventory.js';
import { graphqlFor, nullable, SHOPIFY_CREDENTIAL, UserErrorsSchema } from './support/shopify.js';

const SET = `mutation WaybillInventorySet($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { field message code } } }`;
const SetAnswer = Type.Object({
  inventorySetQuantities: nullable(
    Type.Object({
      inventoryAdjustmentGroup: nullable(Type.Object({ id: Type.String() })),
      userErrors: UserErrorsSchema,
    }),
  ),
});

/**
 * Output of `shopify.setInventory`.
 *
 * @example
 * // { "items": [{ "inventoryItemId": "gid://shopify/InventoryItem/9", "locationId": "gid://shopify/Location/1",
 * //   "sku": "SKU-1001", "before": 40, "after": 36, "changed": true }], "adjustmentGroupId": "gid://shopify/InventoryAdjustmentGroup/3" }
 */
export const SetInventoryOutputSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      inventoryItemId: Type.String(),
      locationId: Type.String(),
      sku: Type.Optional(Type.String()),
      before: Type.Integer(),
      after: Type.Integer(),
      changed: Type.Boolean({ description: 'False when Shopify already had the quantity.' }),
    }),
  ),
  adjustmentGroupId: nullable(Type.String({ description: 'Null when nothing had to change.' })),
});

/**
 * `shopify.setInventory`: sets absolute quantities (available or on hand) of items at locations
 * with inventorySetQuantities, for a system of record such as Odoo pushing its counts. Each
 * quantity is compared-and-set against what was just read (or against the input's
 * `compareQuantity`), so a sale in between is not overwritten; quantities Shopify already has are
 * left alone, which makes a repeat a no-op. A stale compare that the retry finds already applied
 * counts as done; one changed by someone else fails retryably (the next try reads again), or as
 * a user error when the input's own compareQuantity no longer holds. 2–3 calls.
 *
 * @example
 * { "id": "stock", "type": "shopify.setInventory", "credential": "shopify-acme",
 *   "config": { "locationId": 1, "reason": "cycle_count_available" } }
 * // input: { "items": [{ "sku": "SKU-1001", "quantity": 36 }] }
 */
export const setInventoryOperation = defineOperation({
  type: 'shopify.setInventory',
  title: 'Set inventory',
  description: 'Sets the available or on-hand quantity of Shopify inventory items at a location.',
  icon: 'boxes',
  effect: 'write',
  idempotency: 'upsert-by-external-id',
  idempotencyNote:
    'Sets absolute quantities compared against the current ones; setting the same quantity again changes nothing.',
  configSchema: Type.Object(InventoryConfigProperties, { additionalProperties: false }),
  inputSchema: Type.Object(
    {
      items: Type.Array(
        Type.Object(
          {
            ...InventoryTargetProperties,
            quantity: Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000 }),
            compareQuantity: Type.Optional(
              Type.Integer({
                description: 'Set only if Shopify still has this quantity; the current one otherwise.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 100 },
      ),
    },
    { additionalProperties: false },
  ),
  outputSchema: SetInventoryOutputSchema,
  credential: SHOPIFY_CREDENTIAL,
  async run(ctx) {
    const shopify = graphqlFor(ctx);
    const name = ctx.config.name ?? 'available';
    const targets = await resolveTargets(shopify, ctx.input.items, ctx.config.locationId);
    const before = await readQuantities(shopify, targets, name);
    const rows = targets.map((target, index) => {
      const current = before[index];
      const item = ctx.input.items[index];
      if (current === null || current === undefined || !item) throw notStocked(target);
      return { target, current, wanted: item.quantity, compare: item.compareQuantity };
    });
    const changes = rows.filter((row) => row.current !== row.wanted);
    const output = (adjustmentGroupId: string | null) => ({
      items: rows.map((row) => ({
        inventoryItemId: row.target.inventoryItemId,
        locationId: row.target.locationId,
        ...(row.target.sku ? { sku: row.target.sku } : {}),
        before: row.current,
        after: row.wanted,
        changed: row.current !== row.wanted,
      })),
      adjustmentGroupId,
    });
    if (changes.length === 0) return output(null);

    const answer = await shopify.mutate(
      SET,
      {
        input: {
          name,
          reason: ctx.config.reason ?? 'correction',
          referenceDocumentUri:
            ctx.config.referenceDocumentUri ??
            `gid://waybill/Execution/${encodeURIComponent(ctx.executionId)}`,
          quantities: changes.map((row) => ({
            inventoryItemId: row.target.inventoryItemId,
            locationId: row.target.locationId,
            quantity: row.wanted,
            compareQuantity: row.compare ?? row.current,
          })),
        },
      },
      SetAnswer,
    );
    const payload = answer.inventorySetQuantities;
    const errors = payload?.userErrors ?? [{ message: 'No answer to inventorySetQuantities' }];
    if (payload && errors.length === 0) return output(payload.inventoryAdjustmentGroup?.id ?? null);
    if (errors.every((error) => error.code === 'COMPARE_QUANTITY_STALE')) {
      await explainStale(shopify, changes, name);
      // Every stale quantity is now the wanted one: an earlier try got through.
      return output(null);
    }
    throw shopifyUserErrors('inventorySetQuantities', errors);
  },
});

async function explainStale(
  shopify: ReturnType<typeof graphqlFor>,
  changes: readonly { target: ResolvedTarget; wanted: number; compare: number | undefined }[],
  name: string,
): Promise<void> {
  const now = await readQuantities(
    shopify,
    changes.map((row) => row.target),
    name,
  );
  const moved = changes.filter((row, index) => now[index] !== row.wanted);
  if (moved.length === 0) return;
  const what = moved.map((row) => row.target.sku ?? row.target.inventoryItemId).join(', ');
  if (moved.some((row) => row.compare !== undefined)) {
    throw userError({
      code: 'SHOPIFY_INVENTORY_COMPARE_FAILED',
      message: `Shopify's ${name} quantity of ${what} is no longer the compareQuantity given, so it was not set; read the current quantity and decide again.`,
    });
  }
  throw connectorError({
    code: 'SHOPIFY_INVENTORY_CHANGED',
    message: `Shopify's ${name} quantity of ${what} changed while it was being set (a sale or another app); the call can be retried, reading the quantity again.`,
    retryable: true,
  });
}
