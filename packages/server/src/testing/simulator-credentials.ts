/**
 * The credential the example flows name (`odoo-sim`), pointing at an Odoo simulator on loopback,
 * for suites that create it through the API.
 *
 * @example
 * await t.call('POST', '/api/credentials', odooSimCredential(odoo.url));
 */
export function odooSimCredential(url: string) {
  return {
    id: 'odoo-sim',
    type: 'odoo-jsonrpc',
    name: 'Odoo simulator',
    values: { url, database: 'waybill', login: 'admin', password: 'sim-admin-key' },
    allowedHosts: ['127.0.0.1'],
  };
}
