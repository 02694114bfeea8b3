import { connectorError, UPSTREAM_EXCERPT_BYTES } from '@waybill/connector-kit';
import { json2StatusError } from '../errors.js';
import { post } from './json-rpc-client.js';
import { toNamedArguments } from './named-arguments.js';
import { baseUrl, checkNames } from './names.js';
import type { OdooClient, OdooClientFactory } from './odoo-client.js';

/**
 * The JSON-2 client (Odoo 19+): `POST /json/2/<model>/<method>` with `Authorization: bearer
 * <API key>`, the database in `X-Odoo-Database` when the credential names one, named arguments in
 * the body, the method's return value as the body, and errors as HTTP statuses with the
 * serialised exception as the body. Each call is its own transaction on the Odoo side.
 *
 * @example
 * const client = createJson2Client(ctx.http, { protocol: 'json2', credentialId: 'odoo', url: 'https://erp.example.com', apiKey: 'k3y' });
 * await client.call('sale.order', 'action_confirm', { ids: [42] });
 */
export const createJson2Client: OdooClientFactory<'json2'> = (http, connection, options = {}) => {
  const base = baseUrl(connection.url);
  const host = new URL(base).host;
  const headers: Record<string, string> = { authorization: `bearer ${connection.apiKey}` };
  if (connection.database) headers['x-odoo-database'] = connection.database;

  const client: OdooClient = {
    protocol: 'json2',
    host,
    async call(model, method, named = {}) {
      checkNames(model, method);
      const url = `${base}/json/2/${model}/${method}`;
      const response = await post(http, url, named, options, headers);
      if (response.status < 200 || response.status >= 300) {
        throw json2StatusError(
          {
            status: response.status,
            url: new URL(response.url),
            headers: response.headers,
            body: response.text(),
          },
          { model, method },
        );
      }
      const text = response.text();
      // A method returning None answers "null"; some proxies send an empty 204 instead.
      if (text.trim() === '') return null;
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed;
      } catch {
        throw connectorError({
          code: 'INVALID_RESPONSE',
          message: `Odoo at ${host} answered ${model}.${method} with something that is not JSON; check the credential's URL.`,
          retryable: false,
          upstream: { status: response.status, body: text.slice(0, UPSTREAM_EXCERPT_BYTES) },
        });
      }
    },
    executeKw(model, method, args = [], kwargs = {}) {
      checkNames(model, method);
      return client.call(model, method, toNamedArguments(model, method, args, kwargs));
    },
    async serverVersion() {
      // GET /web/version needs no key; older servers or proxies may not have it, which is fine.
      try {
        const response = await http.request({
          method: 'GET',
          url: `${base}/web/version`,
          headers: { accept: 'application/json' },
          timeoutMs: options.timeoutMs ?? 30_000,
          maxResponseBytes: 64 * 1024,
          accept: () => true,
        });
        if (response.status !== 200) return undefined;
        const info: unknown = JSON.parse(response.text());
        return typeof info === 'object' &&
          info !== null &&
          'version' in info &&
          typeof info.version === 'string'
          ? info.version
          : undefined;
      } catch {
        return undefined;
      }
    },
  };
  return client;
};
