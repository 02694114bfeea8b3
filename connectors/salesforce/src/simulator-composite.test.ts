import { readFileSync } from 'node:fs';
import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { salesforceConnector } from './connector.js';
import { failure, objectOf, recordsIn, useSalesforceSimulator } from './testing/simulator-harness.js';

/**
 * salesforce.composite against the simulator over real HTTP: the Shopify sample order becomes an
 * Account and an Order in one call, all or nothing.
 */

const server = useSalesforceSimulator();
const invoker = createConnectorInvoker([salesforceConnector]);
const sample: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/shopify-order.json', import.meta.url), 'utf8'),
);
const order = objectOf(objectOf(sample).order);
const customer = objectOf(order.customer);
const address = objectOf(order.shipping_address);

/** The subrequests a flow's mapping would build from the Shopify order: upserts, so a retry overwrites. */
function subrequestsFor(orderFields: Record<string, unknown> = {}) {
  return [
    {
      method: 'PATCH',
      url: `sobjects/Account/External_Id__c/shopify-${customer.id}`,
      referenceId: 'account',
      body: {
        Name: `${customer.first_name} ${customer.last_name}`,
        ShippingStreet: address.address1,
        ShippingCity: address.city,
        ShippingState: address.province_code,
        ShippingPostalCode: address.zip,
        ShippingCountry: address.country_code,
      },
    },
    {
      method: 'PATCH',
      url: `sobjects/Order/Waybill_Key__c/shopify-${order.id}`,
      referenceId: 'order',
      body: {
        AccountId: '@{account.id}',
        EffectiveDate: String(order.created_at).slice(0, 10),
        Status: 'Draft',
        PoNumber: order.name,
        ...orderFields,
      },
    },
    { method: 'GET', url: 'sobjects/Order/@{order.id}?fields=OrderNumber,PoNumber', referenceId: 'readBack' },
  ];
}

const composite = (subrequests: unknown[], config: Record<string, unknown> = {}) =>
  invoker.invoke(
    testCall({
      type: 'salesforce.composite',
      config,
      input: { subrequests },
      credential: server.credential('jwt-bearer'),
    }),
  );

describe('salesforce.composite', () => {
  it('creates the account and the order in one call, the order pointing at the account', async () => {
    const { output } = await composite(subrequestsFor());
    const results = recordsIn(output, 'results');
    expect(objectOf(output).succeeded).toBe(true);
    expect(results.map((result) => [result.referenceId, result.httpStatusCode, result.ok])).toEqual([
      ['account', 201, true],
      ['order', 201, true],
      ['readBack', 200, true],
    ]);
    expect(objectOf(results[2]?.body)).toMatchObject({ OrderNumber: '00000100', PoNumber: '#1001' });
    const [account] = server.sim
      .records('Account')
      .filter((record) => record.External_Id__c === 'shopify-207119551');
    expect(account).toMatchObject({ Name: 'Bob Norman', ShippingCity: 'Louisville', ShippingState: 'KY' });
    expect(server.sim.records('Order')).toEqual([
      expect.objectContaining({ AccountId: account?.Id, EffectiveDate: '2008-01-10' }),
    ]);
    // One API call for three subrequests.
    const dataCalls = server.sim.calls.filter((call) => call.path.startsWith('/services/data/'));
    expect(dataCalls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /services/data/v60.0/composite',
    ]);
    expect(server.sim.apiUsage().used).toBe(1);
  });

  it('repeats as updates when replayed, leaving one account and one order', async () => {
    await composite(subrequestsFor());
    const { output } = await composite(subrequestsFor());
    expect(recordsIn(output, 'results').map((result) => result.httpStatusCode)).toEqual([200, 200, 200]);
    expect(server.sim.records('Order')).toHaveLength(1);
    expect(
      server.sim.records('Account').filter((record) => record.External_Id__c === 'shopify-207119551'),
    ).toHaveLength(1);
  });

  it('rolls everything back with allOrNone and names the failing subrequest in a user error', async () => {
    const accounts = server.sim.records('Account').length;
    const error = await failure(composite(subrequestsFor({ Status: 'Shipped' })));
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      retryable: false,
      message:
        'Salesforce refused the subrequest "order" (PATCH sobjects/Order/Waybill_Key__c/shopify-450789469), so the whole composite request was rolled back and nothing was saved: Status: bad value for restricted picklist field: Shipped (fields: Status); use one of the picklist\'s values.',
      details: { referenceId: 'order' },
    });
    const results = recordsIn(error.details, 'results');
    expect(results.map((result) => [result.referenceId, result.httpStatusCode])).toEqual([
      ['account', 400],
      ['order', 400],
      ['readBack', 400],
    ]);
    expect(server.sim.records('Account')).toHaveLength(accounts);
    expect(server.sim.records('Order')).toEqual([]);
  });

  it('keeps what succeeded without allOrNone and reports which subrequests failed', async () => {
    const { output } = await composite(subrequestsFor({ Status: 'Shipped' }), { allOrNone: false });
    expect(objectOf(output).succeeded).toBe(false);
    const results = recordsIn(output, 'results');
    expect(results.map((result) => [result.referenceId, result.httpStatusCode, result.ok])).toEqual([
      ['account', 201, true],
      ['order', 400, false],
      ['readBack', 400, false],
    ]);
    expect(results[2]?.body).toEqual([
      {
        errorCode: 'PROCESSING_HALTED',
        message: 'Invalid reference specified. No value for order.id found in order.',
      },
    ]);
    expect(
      server.sim.records('Account').some((record) => record.External_Id__c === 'shopify-207119551'),
    ).toBe(true);
  });

  it('refuses more than 25 subrequests before calling Salesforce', async () => {
    const many = Array.from({ length: 26 }, (_, index) => ({
      method: 'GET',
      url: 'limits',
      referenceId: `r${index}`,
    }));
    expect(await failure(composite(many))).toMatchObject({ kind: 'user', code: 'INVALID_INPUT' });
    expect(server.sim.calls).toEqual([]);
  });
});
