import { defineConnector } from '@waybill/connector-kit';
import { httpCredentialTypes } from './credential-types.js';
import { sendRequestOperation } from './operations/send-request.js';
import { pollEndpointTrigger } from './triggers/poll-endpoint.js';
import { webhookSecret } from './webhook-secret.js';

/**
 * The generic HTTP connector for APIs without a dedicated one: `http.request`, and the `http.poll`
 * trigger that starts flows for records an endpoint reports as changed.
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
  triggers: [pollEndpointTrigger],
  // webhook-secret is for inbound webhooks (the trigger), not for http.request.
  credentialTypes: [...httpCredentialTypes, webhookSecret],
});
