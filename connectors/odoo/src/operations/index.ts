import type { Operation } from '@waybill/connector-kit';
import { callMethodOperation } from './call-method.js';
import { checkAvailabilityOperation } from './check-availability.js';
import { createCreditNoteOperation } from './create-credit-note.js';
import { createInvoiceOperation } from './create-invoice.js';
import { createRecordOperation } from './create-record.js';
import { createReturnOperation } from './create-return.js';
import { createSaleOrderOperation } from './create-sale-order.js';
import { findCustomerOperation } from './find-customer.js';
import { findProductsOperation } from './find-products.js';
import { getDeliveriesOperation } from './get-deliveries.js';
import { getPaymentStateOperation } from './get-payment-state.js';
import { postInvoiceOperation } from './post-invoice.js';
import { registerPaymentOperation } from './register-payment.js';
import { searchReadOperation } from './search-read.js';
import { upsertCustomerOperation } from './upsert-customer.js';
import { validateDeliveryOperation } from './validate-delivery.js';
import { writeRecordsOperation } from './write-records.js';

export * from './call-method.js';
export * from './check-availability.js';
export * from './create-credit-note.js';
export * from './create-invoice.js';
export * from './create-record.js';
export * from './create-return.js';
export * from './create-sale-order.js';
export * from './find-customer.js';
export * from './find-products.js';
export * from './get-deliveries.js';
export * from './get-payment-state.js';
export * from './post-invoice.js';
export * from './register-payment.js';
export * from './search-read.js';
export * from './upsert-customer.js';
export * from './validate-delivery.js';
export * from './write-records.js';

/**
 * Every operation of the Odoo connector, in palette order: master data, orders, fulfilment,
 * invoicing, returns, then the generic ones.
 *
 * @example
 * odooOperations.map((operation) => operation.type); // ['odoo.findCustomer', 'odoo.upsertCustomer', ...]
 */
export const odooOperations: readonly Operation[] = [
  findCustomerOperation,
  upsertCustomerOperation,
  findProductsOperation,
  checkAvailabilityOperation,
  createSaleOrderOperation,
  getDeliveriesOperation,
  validateDeliveryOperation,
  createInvoiceOperation,
  postInvoiceOperation,
  registerPaymentOperation,
  getPaymentStateOperation,
  createReturnOperation,
  createCreditNoteOperation,
  searchReadOperation,
  createRecordOperation,
  writeRecordsOperation,
  callMethodOperation,
];
