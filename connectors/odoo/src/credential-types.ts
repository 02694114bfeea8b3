import {
  type BoundHttpClient,
  type CredentialTest,
  defineCredentialType,
  type TypedCredential,
} from '@waybill/connector-kit';
import type { OdooConnection } from './client/odoo-client.js';
import { createOdooClient } from './client.js';

/**
 * The Odoo credential types. The server URL is reached only through the kit's HTTP client, so a
 * private or loopback Odoo (on-premises, or the simulator on 127.0.0.1) needs its host in the
 * credential record's allowed hosts.
 */

const URL_FIELD = {
  name: 'url',
  label: 'Server URL',
  secret: false,
  required: true,
  description: 'The address of the Odoo server, e.g. https://mycompany.odoo.com.',
} as const;

/**
 * Login and password (or an API key in place of the password) over JSON-RPC (`/jsonrpc`), for
 * every Odoo version up to 21; deprecated by Odoo from 19 on, removed in 22.
 *
 * @example
 * const credential = { id: 'odoo-main', type: 'odoo-jsonrpc', allowedHosts: [],
 *   values: { url: 'https://mycompany.odoo.com', database: 'mycompany', login: 'bot@example.com', password: 'api-key' } };
 */
export const odooJsonRpc = defineCredentialType({
  type: 'odoo-jsonrpc',
  title: 'Odoo (JSON-RPC, login and password)',
  description: 'Signs in with a login and a password or API key over /jsonrpc; works with Odoo 14 to 21.',
  fields: [
    URL_FIELD,
    { name: 'database', label: 'Database', secret: false, required: true },
    { name: 'login', label: 'Login', secret: false, required: true },
    {
      name: 'password',
      label: 'Password or API key',
      secret: true,
      required: true,
      description: 'An API key (Preferences → Account Security) is better than the password.',
    },
  ],
  test: testWith((values, id) => {
    const { url, database, login, password } = values;
    if (!url || !database || !login || !password) return undefined;
    return { protocol: 'jsonrpc', credentialId: id, url, database, login, password };
  }),
});

/**
 * An API key over Odoo 19's JSON-2 API (`/json/2/<model>/<method>`, bearer authentication).
 *
 * @example
 * const credential = { id: 'odoo-main', type: 'odoo-json2', allowedHosts: ['127.0.0.1'],
 *   values: { url: 'http://127.0.0.1:8069', apiKey: 'sim-admin-key', database: 'waybill' } };
 */
export const odooJson2 = defineCredentialType({
  type: 'odoo-json2',
  title: 'Odoo (JSON-2, API key)',
  description: 'Calls the JSON-2 API of Odoo 19 or later with a user API key.',
  fields: [
    URL_FIELD,
    { name: 'apiKey', label: 'API key', secret: true, required: true },
    {
      name: 'database',
      label: 'Database',
      secret: false,
      required: false,
      description: 'Needed only when the server hosts several databases and the URL does not pick one.',
    },
  ],
  test: testWith((values, id) => {
    const { url, apiKey, database } = values;
    if (!url || !apiKey) return undefined;
    return { protocol: 'json2', credentialId: id, url, apiKey, ...(database ? { database } : {}) };
  }),
});

/**
 * Every credential type the Odoo connector accepts.
 *
 * @example
 * odooCredentialTypes.map((credentialType) => credentialType.type); // ['odoo-jsonrpc', 'odoo-json2']
 */
export const odooCredentialTypes = [odooJsonRpc, odooJson2] as const;

/**
 * An Odoo credential as an operation sees it.
 *
 * @example
 * const credential: OdooCredential = { id: 'odoo', type: 'odoo-json2', values: { url: 'https://erp.example.com', apiKey: 'k' }, allowedHosts: [] };
 */
export type OdooCredential = TypedCredential<(typeof odooCredentialTypes)[number]>;

/**
 * The connection a credential describes, for `createOdooClient`.
 *
 * @example
 * connectionOf({ id: 'odoo', type: 'odoo-json2', values: { url: 'https://erp.example.com', apiKey: 'k' }, allowedHosts: [] });
 * // { protocol: 'json2', credentialId: 'odoo', url: 'https://erp.example.com', apiKey: 'k' }
 */
export function connectionOf(credential: OdooCredential): OdooConnection {
  if (credential.type === 'odoo-jsonrpc') {
    const { url, database, login, password } = credential.values;
    return { protocol: 'jsonrpc', credentialId: credential.id, url, database, login, password };
  }
  const { url, apiKey, database } = credential.values;
  return { protocol: 'json2', credentialId: credential.id, url, apiKey, ...(database ? { database } : {}) };
}

/**
 * A credential test: sign in (JSON-RPC) or present the key (JSON-2), read the user's context and
 * count the contacts the user can see, which proves read access without touching business data.
 */
function testWith(
  connect: (values: Record<string, string | undefined>, id: string) => OdooConnection | undefined,
): CredentialTest {
  return async ({ id, values, http }) => {
    const connection = connect(values, id);
    if (!connection) {
      return { ok: false, message: 'Fill in every required field of the credential, then test again.' };
    }
    return describeAccess(http, connection);
  };
}

async function describeAccess(http: BoundHttpClient, connection: OdooConnection) {
  const odoo = createOdooClient(http, connection, { timeoutMs: 15_000 });
  const version = await odoo.serverVersion();
  const context = await odoo.call('res.users', 'context_get');
  const contacts = await odoo.call('res.partner', 'search_count', { domain: [] });
  const lang =
    typeof context === 'object' && context !== null && 'lang' in context && typeof context.lang === 'string'
      ? ` (language ${context.lang})`
      : '';
  const who =
    connection.protocol === 'jsonrpc' ? `signed in as "${connection.login}"` : 'accepted the API key';
  const count = typeof contacts === 'number' ? ` and can read ${contacts} contacts` : '';
  return {
    ok: true,
    message: `Odoo${version ? ` ${version}` : ''} at ${odoo.host} ${who}${lang}${count}.`,
  };
}
