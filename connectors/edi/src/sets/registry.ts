import type { SetSchemas } from '../document/read-sets.js';
import type { SetSchema } from '../document/set-schema.js';
import { edifactDesadv } from './edifact/desadv.js';
import { edifactInvoic } from './edifact/invoic.js';
import { edifactOrders } from './edifact/orders.js';
import { x12FunctionalAcknowledgment997 } from './x12/functional-acknowledgment-997.js';
import { x12InventoryAdvice846 } from './x12/inventory-advice-846.js';
import { x12Invoice810 } from './x12/invoice-810.js';
import { x12PurchaseOrder850 } from './x12/purchase-order-850.js';
import { x12PurchaseOrderAcknowledgment855 } from './x12/purchase-order-acknowledgment-855.js';
import { x12ShipNotice856 } from './x12/ship-notice-856.js';
import { x12WarehouseShippingAdvice945 } from './x12/warehouse-shipping-advice-945.js';
import { x12WarehouseShippingOrder940 } from './x12/warehouse-shipping-order-940.js';

/** Every supported transaction set and message. */
export const supportedSets: readonly SetSchema[] = [
  x12PurchaseOrder850,
  x12PurchaseOrderAcknowledgment855,
  x12ShipNotice856,
  x12Invoice810,
  x12InventoryAdvice846,
  x12WarehouseShippingOrder940,
  x12WarehouseShippingAdvice945,
  x12FunctionalAcknowledgment997,
  edifactOrders,
  edifactDesadv,
  edifactInvoic,
];

/**
 * The loop structure of every supported transaction set and message, by `<standard>:<id>`.
 * A set without an entry is still read, with its segments kept flat.
 *
 * @example
 * setSchemas['x12:850']?.title; // 'Purchase order'
 */
export const setSchemas: SetSchemas = Object.fromEntries(
  supportedSets.map((s) => [`${s.standard}:${s.id}`, s]),
);
