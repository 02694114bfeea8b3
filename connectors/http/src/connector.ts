import { defineConnector } from '@waybill/connector-kit';
import { httpCredentialTypes } from './credential-types.js';
import { sendRequestOperation } from './operations/send-request.js';

/**
 * The generic HTTP connector: one operation, `http.request`, for APIs without a dedicated connector.
 *
 * @example
 * const invoker = createConnectorInvoker([httpConnector]);
 */
export const httpConnector = defineConnector({
  id: 'http',
  title: 'HTTP',
  description: 'Call any HTTP API.',
  icon: 'globe',
  operations: [sendRequestOperation],
  credentialTypes: [...httpCredentialTypes],
});
