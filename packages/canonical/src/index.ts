// Entities embed the schemas they use (TypeBox composition) instead of `$ref`-ing each other, so
// every schema is self-contained: it compiles alone in any ajv, and canonicalSchemas can still
// share one ajv because embedded copies carry no `$id` (see `embed`).

export * from './entities/address.js';
export * from './entities/customer.js';
export * from './entities/inventory.js';
export * from './entities/invoice.js';
export * from './entities/order.js';
export * from './entities/payment.js';
export * from './entities/product.js';
export * from './entities/return.js';
export * from './entities/shipment.js';
export * from './entities/tax-line.js';
export * from './entities/warehouse.js';
export * from './primitives.js';
export * from './registry.js';
export * from './samples/index.js';
export * from './schema-id.js';
