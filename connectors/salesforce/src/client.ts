/**
 * The Salesforce connector's only I/O. Everything goes through the kit's bound HTTP client, so
 * the credential's allowed hosts, time limits, size limits, rate limit and network error mapping
 * apply to every call to Salesforce, the token endpoint included.
 */

export {
  apiVersionOf,
  DEFAULT_API_VERSION,
  defaultAudience,
  loginUrlOf,
  type SalesforceConnection,
} from './client/connection.js';
export { type AssertionClaims, privateKeyOf, signAssertion } from './client/jwt.js';
export {
  createSalesforceClient,
  type SalesforceAnswer,
  type SalesforceCall,
  type SalesforceClient,
} from './client/rest-client.js';
export { clearSalesforceSessions, requestToken, type SalesforceSession } from './client/token.js';
