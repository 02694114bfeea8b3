import type { CredentialType } from './credential-type.js';
import type { Operation } from './define-operation.js';
import type { PollingTrigger } from './define-trigger.js';
import type { WebhookTrigger } from './define-webhook-trigger.js';
import type { RateLimit } from './http/rate-limiter.js';

/**
 * One external system: its operations and the credential types they accept.
 *
 * @example
 * const connector: Connector = { id: 'http', title: 'HTTP', operations: [sendRequest], credentialTypes: [httpBearer] };
 */
export interface Connector {
  /** Lower camel case; every operation type starts with `<id>.`. */
  id: string;
  title: string;
  description?: string;
  icon?: string;
  operations: readonly Operation[];
  /** Polling triggers (flows started by what changed in the system) and webhook triggers (by what it pushes). */
  triggers?: readonly (PollingTrigger | WebhookTrigger)[];
  credentialTypes: readonly CredentialType[];
  /**
   * How fast calls with one credential may go, for every operation and trigger that declares no
   * limit of its own (the system's documented quota, e.g. Shopify REST's 2 requests/s per shop).
   */
  rateLimit?: RateLimit;
}

/**
 * Declares a connector. The shared contract suite (`describeConnectorContract`) checks the rules
 * a connector must follow; this only keeps the shape.
 *
 * @example
 * export const httpConnector = defineConnector({
 *   id: 'http', title: 'HTTP', operations: [sendRequest], credentialTypes: [httpBearer, httpBasic, httpHeader],
 * });
 */
export function defineConnector(definition: Connector): Connector {
  return definition;
}
