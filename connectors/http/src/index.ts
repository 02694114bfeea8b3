export { type HttpResult, type OutboundRequest, sendRequest } from './client.js';
export { httpConnector } from './connector.js';
export * from './credential-types.js';
export * from './operations/send-request.js';
export { successMatcher } from './success-statuses.js';
export * from './triggers/poll-endpoint.js';
