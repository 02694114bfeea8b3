import type { TObject } from '@sinclair/typebox';
import { type CanonicalAddress, CanonicalAddressSchema } from './entities/address.js';
import { type CanonicalCustomer, CanonicalCustomerSchema } from './entities/customer.js';
import { type CanonicalInventory, CanonicalInventorySchema } from './entities/inventory.js';
import { type CanonicalInvoice, CanonicalInvoiceSchema } from './entities/invoice.js';
import { type CanonicalOrder, CanonicalOrderSchema } from './entities/order.js';
import { type CanonicalPayment, CanonicalPaymentSchema } from './entities/payment.js';
import { type CanonicalProduct, CanonicalProductSchema } from './entities/product.js';
import { type CanonicalReturn, CanonicalReturnSchema } from './entities/return.js';
import { type CanonicalShipment, CanonicalShipmentSchema } from './entities/shipment.js';
import { type CanonicalWarehouse, CanonicalWarehouseSchema } from './entities/warehouse.js';
import type { CanonicalEntityName } from './schema-id.js';

/**
 * The static type of each canonical entity, by entity name.
 *
 * @example
 * const order: CanonicalEntityTypes['order'] = canonicalSamples.order;
 */
export interface CanonicalEntityTypes {
  address: CanonicalAddress;
  customer: CanonicalCustomer;
  product: CanonicalProduct;
  warehouse: CanonicalWarehouse;
  inventory: CanonicalInventory;
  order: CanonicalOrder;
  shipment: CanonicalShipment;
  invoice: CanonicalInvoice;
  payment: CanonicalPayment;
  return: CanonicalReturn;
}

/**
 * Each canonical entity schema by entity name.
 *
 * @example
 * canonicalSchemasByEntity.order.$id; // 'https://waybill.dev/schemas/canonical/order/v1.json'
 */
export const canonicalSchemasByEntity = {
  address: CanonicalAddressSchema,
  customer: CanonicalCustomerSchema,
  product: CanonicalProductSchema,
  warehouse: CanonicalWarehouseSchema,
  inventory: CanonicalInventorySchema,
  order: CanonicalOrderSchema,
  shipment: CanonicalShipmentSchema,
  invoice: CanonicalInvoiceSchema,
  payment: CanonicalPaymentSchema,
  return: CanonicalReturnSchema,
} satisfies Record<CanonicalEntityName, TObject>;

/**
 * Every canonical entity schema, for registering with ajv (`ajv.addSchema(schema)` each) so a
 * `$ref` to a `canonicalSchemaId(...)` resolves. Each schema embeds what it uses and holds no
 * `$ref`, so each also compiles on its own; none repeats another's `$id`, so all can share one ajv.
 *
 * @example
 * for (const schema of canonicalSchemas) ajv.addSchema(schema);
 * ajv.validate({ $ref: canonicalSchemaId('order') }, canonicalSamples.order); // true
 */
export const canonicalSchemas: readonly TObject[] = Object.values(canonicalSchemasByEntity);
