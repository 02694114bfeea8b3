import type { BoundHttpClient } from '@waybill/connector-kit';
import { createJsonRpcClient } from './client/json-rpc-client.js';
import { createJson2Client } from './client/json2-client.js';
import type { OdooClient, OdooClientOptions, OdooConnection } from './client/odoo-client.js';

/**
 * The Odoo connector's only I/O. Everything goes through the kit's bound HTTP client, so the
 * credential's allowed hosts, time limits, size limits and network error mapping apply to
 * every call to Odoo.
 */

export { clearJsonRpcSessions, createJsonRpcClient } from './client/json-rpc-client.js';
export { createJson2Client } from './client/json2-client.js';
export { toNamedArguments } from './client/named-arguments.js';
export type {
  NamedArguments,
  OdooClient,
  OdooClientFactory,
  OdooClientOptions,
  OdooConnection,
} from './client/odoo-client.js';

/**
 * The client for a connection: JSON-RPC for a login and password, JSON-2 for an API key.
 *
 * @example
 * const odoo = createOdooClient(ctx.http, connectionOf(ctx.credential));
 * const [partner] = await odoo.call('res.partner', 'search_read', { domain: [['ref', '=', 'CUST-0001']], fields: ['name'] });
 */
export function createOdooClient(
  http: BoundHttpClient,
  connection: OdooConnection,
  options?: OdooClientOptions,
): OdooClient {
  return connection.protocol === 'jsonrpc'
    ? createJsonRpcClient(http, connection, options)
    : createJson2Client(http, connection, options);
}
