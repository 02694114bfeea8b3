export * from './client.js';
export { salesforceConnector } from './connector.js';
export * from './credential-types.js';
export * from './errors.js';
export * from './oauth-errors.js';
export * from './operations/index.js';
export { SALESFORCE_CREDENTIAL } from './operations/support/salesforce.js';
export * from './soql.js';
export * from './triggers/record-changed.js';
