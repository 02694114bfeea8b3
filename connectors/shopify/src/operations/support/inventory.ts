import { Type } from '@sinclair/typebox';
import { userError } from '@waybill/connector-kit';
import type { ShopifyGraphqlClient } from '../../client/graphql-client.js';
import { toGid } from '../../mapping/gid.js';
import { idInput, nullable } from './shopify.js';

/**
 * The reasons Shopify accepts for an inventory change.
 *
 * @example
 * INVENTORY_REASONS.includes('cycle_count_available'); // true
 */
export const INVENTORY_REASONS = [
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
] as const;

/**
 * Config shared by the inventory operations.
 *
 * @example
 * const config = { name: 'available', reason: 'cycle_count_available', locationId: 'gid://shopify/Location/1' };
 */
export const InventoryConfigProperties = {
  name: Type.Optional(
    Type.Union([Type.Literal('available'), Type.Literal('on_hand')], {
      default: 'available',
      description: 'The quantity changed: available (sellable) or on_hand (physically there).',
    }),
  ),
  reason: Type.Optional(
    Type.Union(
      INVENTORY_REASONS.map((reason) => Type.Literal(reason)),
      {
        default: 'correction',
        description: 'Why the quantity changes, as Shopify lists it in the inventory history.',
      },
    ),
  ),
  locationId: Type.Optional(idInput('Location')),
  referenceDocumentUri: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'The document behind the change, e.g. gid://odoo/StockPicking/42; defaults to the execution.',
    }),
  ),
};

/**
 * Where an item of an inventory input is: the item by inventory item id or SKU, and the location
 * (the config's when absent).
 *
 * @example
 * const item = { sku: 'SKU-1001', locationId: 1 };
 */
export const InventoryTargetProperties = {
  inventoryItemId: Type.Optional(idInput('InventoryItem')),
  sku: Type.Optional(Type.String({ minLength: 1, description: 'Looked up among product variants.' })),
  locationId: Type.Optional(idInput('Location')),
};

/**
 * An item of an inventory input, resolved to GraphQL ids.
 *
 * @example
 * const target: ResolvedTarget = { inventoryItemId: 'gid://shopify/InventoryItem/9', locationId: 'gid://shopify/Location/1', sku: 'SKU-1001' };
 */
export interface ResolvedTarget {
  inventoryItemId: string;
  locationId: string;
  sku?: string;
}

const VARIANTS = `query WaybillVariantsBySku($first: Int!, $query: String!) {
  productVariants(first: $first, query: $query) { nodes { sku inventoryItem { id } } } }`;
const VariantsAnswer = Type.Object({
  productVariants: Type.Object({
    nodes: Type.Array(
      Type.Object({ sku: nullable(Type.String()), inventoryItem: Type.Object({ id: Type.String() }) }),
    ),
  }),
});

/**
 * Resolves SKUs to inventory items and fills in the config's location; a SKU no variant carries,
 * or an item without a location, is a user error naming it.
 *
 * @example
 * const targets = await resolveTargets(shopify, ctx.input.items, ctx.config.locationId);
 */
export async function resolveTargets(
  shopify: ShopifyGraphqlClient,
  items: readonly { inventoryItemId?: string | number; sku?: string; locationId?: string | number }[],
  defaultLocation: string | number | undefined,
): Promise<ResolvedTarget[]> {
  const skus = [
    ...new Set(items.flatMap((item) => (item.inventoryItemId === undefined && item.sku ? [item.sku] : []))),
  ];
  const bySku = new Map<string, string>();
  if (skus.length > 0) {
    const query = skus.map((sku) => `sku:${JSON.stringify(sku)}`).join(' OR ');
    const answer = await shopify.query(
      VARIANTS,
      { first: Math.min(250, skus.length * 2), query },
      VariantsAnswer,
    );
    for (const variant of answer.productVariants.nodes) {
      if (variant.sku && skus.includes(variant.sku) && !bySku.has(variant.sku))
        bySku.set(variant.sku, variant.inventoryItem.id);
    }
    const missing = skus.filter((sku) => !bySku.has(sku));
    if (missing.length > 0) {
      throw userError({
        code: 'SHOPIFY_UNKNOWN_SKU',
        message: `No Shopify product variant has the SKU ${missing.join(', ')}; check the SKUs or add them in Shopify.`,
        details: { missing },
      });
    }
  }
  return items.map((item, index) => {
    const location = item.locationId ?? defaultLocation;
    if (location === undefined) {
      throw userError({
        code: 'SHOPIFY_LOCATION_MISSING',
        message: `Inventory item ${index + 1} names no location; set locationId on the item or in the node's config.`,
      });
    }
    const inventoryItemId =
      item.inventoryItemId !== undefined
        ? toGid('InventoryItem', item.inventoryItemId)
        : item.sku
          ? bySku.get(item.sku)
          : undefined;
    if (inventoryItemId === undefined) {
      throw userError({
        code: 'SHOPIFY_ITEM_NOT_NAMED',
        message: `Inventory item ${index + 1} names neither an inventoryItemId nor a sku.`,
      });
    }
    return {
      inventoryItemId,
      locationId: toGid('Location', location),
      ...(item.sku ? { sku: item.sku } : {}),
    };
  });
}

/**
 * Reads one quantity (available or on_hand) of each target at its location in one query; null
 * where the item is not stocked at the location.
 *
 * @example
 * const before = await readQuantities(shopify, targets, 'available'); // [40, null]
 */
export async function readQuantities(
  shopify: ShopifyGraphqlClient,
  targets: readonly ResolvedTarget[],
  name: string,
): Promise<(number | null)[]> {
  const variables: Record<string, unknown> = { names: [name] };
  const declarations = ['$names: [String!]!'];
  const fields = targets.map((target, index) => {
    variables[`i${index}`] = target.inventoryItemId;
    variables[`l${index}`] = target.locationId;
    declarations.push(`$i${index}: ID!`, `$l${index}: ID!`);
    return `q${index}: inventoryItem(id: $i${index}) { inventoryLevel(locationId: $l${index}) { quantities(names: $names) { name quantity } } }`;
  });
  const document = `query WaybillInventoryLevels(${declarations.join(', ')}) { ${fields.join(' ')} }`;
  const level = nullable(
    Type.Object({
      inventoryLevel: nullable(
        Type.Object({
          quantities: Type.Array(Type.Object({ name: Type.String(), quantity: Type.Integer() })),
        }),
      ),
    }),
  );
  const answer = await shopify.query(document, variables, Type.Record(Type.String(), level));
  return targets.map((_, index) => {
    const found = answer[`q${index}`];
    return found?.inventoryLevel?.quantities.find((quantity) => quantity.name === name)?.quantity ?? null;
  });
}

/**
 * The user error for an item not stocked at its location.
 *
 * @example
 * throw notStocked(target);
 */
export function notStocked(target: ResolvedTarget) {
  return userError({
    code: 'SHOPIFY_ITEM_NOT_STOCKED',
    message: `Inventory item ${target.sku ?? target.inventoryItemId} is not stocked at location ${target.locationId}, or does not exist; stock it there in Shopify first or check the ids.`,
  });
}
