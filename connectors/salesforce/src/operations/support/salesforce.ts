import type { BoundHttpClient } from '@waybill/connector-kit';
import { createSalesforceClient, type SalesforceClient } from '../../client/rest-client.js';
import {
  connectionOf,
  type SalesforceCredential,
  salesforceCredentialTypes,
} from '../../credential-types.js';

/**
 * What every Salesforce operation and trigger declares as its credential: one of the two OAuth
 * types, required.
 *
 * @example
 * defineOperation({ ..., credential: SALESFORCE_CREDENTIAL, run: async (ctx) => salesforceFor(ctx).request({ ... }) });
 */
export const SALESFORCE_CREDENTIAL = { types: salesforceCredentialTypes, required: true } as const;

/**
 * The REST client for an operation's or trigger's context.
 *
 * @example
 * const salesforce = salesforceFor(ctx);
 */
export function salesforceFor(ctx: {
  http: BoundHttpClient;
  credential: SalesforceCredential;
}): SalesforceClient {
  return createSalesforceClient(ctx.http, connectionOf(ctx.credential));
}
