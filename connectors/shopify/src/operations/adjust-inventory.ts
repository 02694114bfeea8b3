import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { shopifyUserErrors } from '../errors.js';
import { InventoryConfigProperties, InventoryTargetProperties, resolveTargets } from './support/inventory.js';
import { graphqlFor, nullable, SHOPIFY_CREDENTIAL, UserErrorsSchema } from './support/shopify.js';

const ADJUST = `mutation WaybillInventoryAdjust($input: InventoryAdjustQuantitiesInput!) {
  inventoryAdjustQuantities(input: $input) {
    inventoryAdjustmentGroup { id changes { name delta quantityAfterChange item { id } location { id } } }
    userErrors { field message code } } }`;
const AdjustAnswer = Type.Object({
  inventoryAdjustQuantities: nullable(
    Type.Object({
      inventoryAdjustmentGroup: nullable(
        Type.Object({
          id: Type.String(),
          changes: Type.Array(
            Type.Object({
              name: Type.String(),
              delta: Type.Integer(),
              quantityAfterChange: nullable(Type.Integer()),
              item: nullable(Type.Object({ id: Type.String() })),
              location: nullable(Type.Object({ id: Type.String() })),
            }),
          ),
        }),
      ),
      userErrors: UserErrorsSchema,
    }),
  ),
});

/**
 * `shopify.adjustInventory`: adds or removes units (a delta) of items at locations with
 * inventoryAdjustQuantities, e.g. units received or written off. 1–2 calls.
 *
 * @example
 * { "id": "received", "type": "shopify.adjustInventory", "credential": "shopify-acme", "config": { "locationId": 1, "reason": "received" } }
 * // input: { "changes": [{ "sku": "SKU-1001", "delta": 24 }] }
 */
export const adjustInventoryOperation = defineOperation({
  type: 'shopify.adjustInventory',
  title: 'Adjust inventory',
  description: 'Adds or removes units of Shopify inventory items at a location.',
  icon: 'package-plus',
  effect: 'write',
  idempotency: 'none',
  idempotencyNote:
    'A delta has no compare check before API 2026-04: repeated after a lost answer it is applied twice. Prefer shopify.setInventory with counts from the system of record.',
  configSchema: Type.Object(InventoryConfigProperties, { additionalProperties: false }),
  inputSchema: Type.Object(
    {
      changes: Type.Array(
        Type.Object(
          { ...InventoryTargetProperties, delta: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }) },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 100 },
      ),
    },
    { additionalProperties: false },
  ),
  outputSchema: Type.Object({
    adjustmentGroupId: Type.String(),
    changes: Type.Array(
      Type.Object({
        inventoryItemId: nullable(Type.String()),
        locationId: nullable(Type.String()),
        name: Type.String(),
        delta: Type.Integer(),
        quantityAfterChange: nullable(Type.Integer()),
      }),
    ),
  }),
  credential: SHOPIFY_CREDENTIAL,
  async run(ctx) {
    const shopify = graphqlFor(ctx);
    const targets = await resolveTargets(shopify, ctx.input.changes, ctx.config.locationId);
    const answer = await shopify.mutate(
      ADJUST,
      {
        input: {
          name: ctx.config.name ?? 'available',
          reason: ctx.config.reason ?? 'correction',
          referenceDocumentUri:
            ctx.config.referenceDocumentUri ??
            `gid://waybill/Execution/${encodeURIComponent(ctx.executionId)}`,
          changes: targets.map((target, index) => ({
            inventoryItemId: target.inventoryItemId,
            locationId: target.locationId,
            delta: ctx.input.changes[index]?.delta ?? 0,
          })),
        },
      },
      AdjustAnswer,
    );
    const payload = answer.inventoryAdjustQuantities;
    const group = payload?.inventoryAdjustmentGroup;
    if (!payload || payload.userErrors.length > 0 || !group) {
      throw shopifyUserErrors(
        'inventoryAdjustQuantities',
        payload?.userErrors.length ? payload.userErrors : [{ message: 'No adjustment was made' }],
      );
    }
    return {
      adjustmentGroupId: group.id,
      changes: group.changes.map((change) => ({
        inventoryItemId: change.item?.id ?? null,
        locationId: change.location?.id ?? null,
        name: change.name,
        delta: change.delta,
        quantityAfterChange: change.quantityAfterChange,
      })),
    };
  },
});
