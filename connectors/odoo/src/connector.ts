import { defineConnector } from '@waybill/connector-kit';
import { odooCredentialTypes } from './credential-types.js';
import { odooOperations } from './operations/index.js';
import { modelChangedTrigger } from './triggers/model-changed.js';

/**
 * The Odoo connector: customers, products and stock, sale orders, deliveries, invoices, payments,
 * returns and credit notes, generic model access, and the `odoo.modelChanged` polling trigger;
 * over JSON-RPC (login and password) or JSON-2 (API key, Odoo 19+).
 *
 * @example
 * const invoker = createConnectorInvoker([odooConnector]);
 */
export const odooConnector = defineConnector({
  id: 'odoo',
  title: 'Odoo',
  description: 'Orders, stock, deliveries, invoices and credit notes in Odoo.',
  icon: 'odoo',
  operations: odooOperations,
  triggers: [modelChangedTrigger],
  credentialTypes: [...odooCredentialTypes],
  // Odoo has no request quota of its own; this keeps one worker's burst (a batch flow's fan-out)
  // from queueing hundreds of RPCs on a small Odoo's few HTTP workers. Bound a small Odoo
  // further with the credential's maxConcurrency.
  rateLimit: { requests: 50, perSeconds: 1, burst: 100 },
});
