import { defineConnector } from '@waybill/connector-kit';
import { salesforceCredentialTypes } from './credential-types.js';
import { salesforceOperations } from './operations/index.js';
import { recordChangedTrigger } from './triggers/record-changed.js';

/**
 * The Salesforce connector: SOQL queries, reads and upserts by external id of any object,
 * composite requests with all-or-none, and the `salesforce.recordChanged` polling trigger; over
 * the REST API with the OAuth 2.0 client credentials or JWT bearer flow.
 *
 * @example
 * const invoker = createConnectorInvoker([salesforceConnector]);
 */
export const salesforceConnector = defineConnector({
  id: 'salesforce',
  title: 'Salesforce',
  description: 'Accounts, contacts, opportunities, orders and custom objects in Salesforce.',
  icon: 'salesforce',
  operations: salesforceOperations,
  triggers: [recordChangedTrigger],
  credentialTypes: [...salesforceCredentialTypes],
  // Salesforce has no per-second quota but a rolling 24-hour allowance shared by every
  // integration of the org; this keeps one worker's burst (a batch flow's fan-out) from
  // spending thousands of calls in a minute.
  rateLimit: { requests: 20, perSeconds: 1, burst: 40 },
});
