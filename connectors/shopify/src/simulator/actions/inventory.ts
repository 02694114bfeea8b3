import type { SimLevel } from '../model.js';
import { restInventoryLevel } from '../rest-payloads.js';
import type { ShopStore } from '../store.js';
import { idOf, type Outcome, type SimUserError } from './user-errors.js';

/** The reasons Shopify accepts for an inventory change. */
const REASONS = new Set([
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
]);
const NAMES = new Set(['available', 'on_hand']);
const LIMIT = 1_000_000_000;

/**
 * One change of an adjustment group, as inventorySetQuantities and inventoryAdjustQuantities
 * answer it.
 *
 * @example
 * const change: SimChange = { name: 'available', delta: -4, quantityAfterChange: 36, inventoryItemId: 9, locationId: 1 };
 */
export interface SimChange {
  name: string;
  delta: number;
  quantityAfterChange: number;
  inventoryItemId: number;
  locationId: number;
}

/**
 * An adjustment group: the changes one mutation made.
 *
 * @example
 * const group: SimAdjustmentGroup = { id: 7000000123, createdAt: Date.now(), reason: 'correction', referenceDocumentUri: null, changes: [] };
 */
export interface SimAdjustmentGroup {
  id: number;
  createdAt: number;
  reason: string;
  referenceDocumentUri: string | null;
  changes: SimChange[];
}

/**
 * inventorySetQuantities' input.
 *
 * @example
 * const input: SetQuantitiesInput = { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: 'gid://shopify/InventoryItem/9', locationId: 'gid://shopify/Location/1', quantity: 36, compareQuantity: 40 }] };
 */
export interface SetQuantitiesInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  ignoreCompareQuantity?: boolean | null;
  quantities: {
    inventoryItemId: string;
    locationId: string;
    quantity: number;
    compareQuantity?: number | null;
  }[];
}

/**
 * inventoryAdjustQuantities' input.
 *
 * @example
 * const input: AdjustQuantitiesInput = { name: 'available', reason: 'received', changes: [{ inventoryItemId: 'gid://shopify/InventoryItem/9', locationId: 'gid://shopify/Location/1', delta: 24 }] };
 */
export interface AdjustQuantitiesInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  changes: { inventoryItemId: string; locationId: string; delta: number }[];
}

/**
 * Sets absolute quantities, compare-and-set: every quantity's compareQuantity must match what is
 * stored unless ignoreCompareQuantity is true. All or nothing.
 *
 * @example
 * const outcome = setQuantities(store, input);
 */
export function setQuantities(store: ShopStore, input: SetQuantitiesInput): Outcome<SimAdjustmentGroup> {
  const errors = common(input.name, input.reason, input.referenceDocumentUri);
  const targets: { level: SimLevel; quantity: number }[] = [];
  const seen = new Set<string>();
  input.quantities.forEach((row, index) => {
    const field = ['input', 'quantities', String(index)];
    const level = levelOf(store, row.inventoryItemId, row.locationId, field, errors);
    if (!level) return;
    const key = `${level.inventoryItemId}:${level.locationId}`;
    if (seen.has(key)) {
      errors.push({
        field,
        message: 'The combination of inventoryItemId and locationId must be unique.',
        code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
      });
    }
    seen.add(key);
    if (row.quantity > LIMIT) {
      errors.push({
        field: [...field, 'quantity'],
        message: "The total quantity can't be higher than 1,000,000,000.",
        code: 'INVALID_QUANTITY_TOO_HIGH',
      });
    }
    if (input.name === 'on_hand' && row.quantity < 0) {
      errors.push({
        field: [...field, 'quantity'],
        message: "The quantity can't be negative.",
        code: 'INVALID_QUANTITY_NEGATIVE',
      });
    }
    const current = quantityOf(level, input.name);
    if (!input.ignoreCompareQuantity) {
      if (row.compareQuantity === undefined || row.compareQuantity === null) {
        errors.push({
          field: [...field, 'compareQuantity'],
          message:
            'The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.',
          code: 'COMPARE_QUANTITY_REQUIRED',
        });
      } else if (row.compareQuantity !== current) {
        errors.push({
          field: [...field, 'compareQuantity'],
          message: 'The compareQuantity value does not match persisted value.',
          code: 'COMPARE_QUANTITY_STALE',
        });
      }
    }
    targets.push({ level, quantity: row.quantity });
  });
  if (errors.length > 0) return { userErrors: errors };
  return {
    value: apply(
      store,
      input,
      targets.map(({ level, quantity }) => ({ level, delta: quantity - quantityOf(level, input.name) })),
    ),
  };
}

/**
 * Adds deltas to quantities. All or nothing.
 *
 * @example
 * const outcome = adjustQuantities(store, input);
 */
export function adjustQuantities(
  store: ShopStore,
  input: AdjustQuantitiesInput,
): Outcome<SimAdjustmentGroup> {
  const errors = common(input.name, input.reason, input.referenceDocumentUri);
  const targets: { level: SimLevel; delta: number }[] = [];
  input.changes.forEach((row, index) => {
    const level = levelOf(
      store,
      row.inventoryItemId,
      row.locationId,
      ['input', 'changes', String(index)],
      errors,
    );
    if (level) targets.push({ level, delta: row.delta });
  });
  if (errors.length > 0) return { userErrors: errors };
  return { value: apply(store, input, targets) };
}

function apply(
  store: ShopStore,
  input: { name: string; reason: string; referenceDocumentUri?: string | null },
  targets: readonly { level: SimLevel; delta: number }[],
): SimAdjustmentGroup {
  const at = store.now();
  const changes: SimChange[] = [];
  for (const { level, delta } of targets) {
    // Setting on_hand moves the available units; committed ones stay reserved for orders.
    level.available += delta;
    level.updatedAt = at;
    for (const name of input.name === 'on_hand' ? ['on_hand', 'available'] : ['available', 'on_hand']) {
      changes.push({
        name,
        delta,
        quantityAfterChange: quantityOf(level, name),
        inventoryItemId: level.inventoryItemId,
        locationId: level.locationId,
      });
    }
    if (delta !== 0) store.emit('inventory_levels/update', () => restInventoryLevel(level));
  }
  return {
    id: store.id(),
    createdAt: at,
    reason: input.reason,
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    changes,
  };
}

function common(name: string, reason: string, uri: string | null | undefined): SimUserError[] {
  const errors: SimUserError[] = [];
  if (!NAMES.has(name)) {
    errors.push({
      field: ['input', 'name'],
      message: "The quantity name must be either 'available' or 'on_hand'.",
      code: 'INVALID_NAME',
    });
  }
  if (!REASONS.has(reason)) {
    errors.push({
      field: ['input', 'reason'],
      message: 'The specified reason is invalid.',
      code: 'INVALID_REASON',
    });
  }
  if (uri !== undefined && uri !== null && !/^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(uri)) {
    errors.push({
      field: ['input', 'referenceDocumentUri'],
      message: 'The specified reference document is invalid.',
      code: 'INVALID_REFERENCE_DOCUMENT',
    });
  }
  return errors;
}

function levelOf(
  store: ShopStore,
  itemGid: string,
  locationGid: string,
  field: string[],
  errors: SimUserError[],
): SimLevel | undefined {
  const itemId = idOf(itemGid, 'InventoryItem');
  const locationId = idOf(locationGid, 'Location');
  if (itemId === undefined || !store.variantByInventoryItem(itemId)) {
    errors.push({
      field: [...field, 'inventoryItemId'],
      message: 'The specified inventory item could not be found.',
      code: 'INVALID_INVENTORY_ITEM',
    });
    return undefined;
  }
  if (locationId === undefined || !store.locations.has(locationId)) {
    errors.push({
      field: [...field, 'locationId'],
      message: 'The specified location could not be found.',
      code: 'INVALID_LOCATION',
    });
    return undefined;
  }
  const level = store.level(itemId, locationId);
  if (!level) {
    errors.push({
      field: [...field, 'locationId'],
      message: 'The specified inventory item is not stocked at the location.',
      code: 'ITEM_NOT_STOCKED_AT_LOCATION',
    });
  }
  return level;
}

/**
 * One named quantity of a level.
 *
 * @example
 * quantityOf(level, 'on_hand'); // available + committed
 */
export function quantityOf(level: SimLevel, name: string): number {
  if (name === 'available') return level.available;
  if (name === 'committed') return level.committed;
  if (name === 'on_hand') return level.available + level.committed;
  return 0;
}
