import type { BoundHttpClient } from '@waybill/connector-kit';
import type { OdooClient } from '../../client/odoo-client.js';
import { createOdooClient } from '../../client.js';
import { connectionOf, type OdooCredential, odooCredentialTypes } from '../../credential-types.js';

/**
 * What every Odoo operation declares as its credential: one of the two Odoo types, required.
 *
 * Rate limits: the kit's Operation has no rateLimit member yet. Each operation's JSDoc says how
 * many Odoo calls one run makes, so a limit per credential (Odoo.sh answers 429 beyond a few
 * requests per second per worker) can be declared once the kit supports it.
 *
 * @example
 * defineOperation({ ..., credential: ODOO_CREDENTIAL, run: async (ctx) => odooFor(ctx).call('res.partner', 'search_count', { domain: [] }) });
 */
export const ODOO_CREDENTIAL = { types: odooCredentialTypes, required: true } as const;

/**
 * The Odoo client for an operation's or trigger's context.
 *
 * @example
 * const odoo = odooFor(ctx);
 */
export function odooFor(ctx: { http: BoundHttpClient; credential: OdooCredential }): OdooClient {
  return createOdooClient(ctx.http, connectionOf(ctx.credential));
}
