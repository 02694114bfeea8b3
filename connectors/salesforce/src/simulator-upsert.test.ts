import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { salesforceConnector } from './connector.js';
import { failure, objectOf, useSalesforceSimulator } from './testing/simulator-harness.js';

/**
 * salesforce.upsert against the simulator over real HTTP: created versus updated on both sides of
 * API v46.0, lookups by parent external id, custom objects, refusals, and a retry after an answer
 * lost once Salesforce had committed.
 */

const server = useSalesforceSimulator();
const invoker = createConnectorInvoker([salesforceConnector]);
const upsert = (object: string, externalIdField: string, input: unknown, apiVersion?: string) =>
  invoker.invoke(
    testCall({
      type: 'salesforce.upsert',
      config: { object, externalIdField },
      input,
      credential: server.credential(
        'client-credentials',
        apiVersion ? { id: `sf-v${apiVersion}`, values: { apiVersion } } : {},
      ),
    }),
  );

describe('salesforce.upsert', () => {
  it('reports created for a new external id and updated for the same one again', async () => {
    const input = {
      externalId: 'CUST-0100',
      fields: { Name: 'Bluegrass Supply Co', BillingCity: 'Louisville' },
    };
    const created = await upsert('Account', 'External_Id__c', input);
    expect(created.output).toEqual({
      id: expect.stringMatching(/^001Wb\w{13}$/),
      created: true,
      object: 'Account',
      externalIdField: 'External_Id__c',
      externalId: 'CUST-0100',
    });
    const again = await upsert('Account', 'External_Id__c', {
      ...input,
      fields: { Phone: '+1 502-555-0100' },
    });
    expect(again.output).toEqual({ ...objectOf(created.output), created: false });
    const stored = server.sim.records('Account').filter((account) => account.External_Id__c === 'CUST-0100');
    expect(stored).toEqual([
      expect.objectContaining({ Name: 'Bluegrass Supply Co', Phone: '+1 502-555-0100' }),
    ]);
  });

  it('reads the id back after an update on API versions before 46.0, which answer 204 without a body', async () => {
    const acme = server.sim.records('Account').find((account) => account.External_Id__c === 'CUST-0001');
    const result = await upsert(
      'Account',
      'External_Id__c',
      { externalId: 'CUST-0001', fields: { Phone: '+1 212-555-0199' } },
      '45.0',
    );
    expect(result.output).toMatchObject({ id: acme?.Id, created: false });
    const paths = server.sim.calls
      .filter((call) => call.path.includes('/sobjects/'))
      .map((call) => `${call.method} ${call.status}`);
    expect(paths).toEqual(['PATCH 204', 'GET 200']);
  });

  it('upserts Contacts linked to their Account by its external id, and Orders and custom objects alike', async () => {
    const contact = await upsert('Contact', 'External_Id__c', {
      externalId: 'CONT-0100',
      fields: {
        FirstName: 'Bob',
        LastName: 'Norman',
        Email: 'bob.norman@hostmail.com',
        Account: { External_Id__c: 'CUST-0002' },
      },
    });
    const northwind = server.sim.records('Account').find((account) => account.External_Id__c === 'CUST-0002');
    const stored = server.sim.records('Contact').find((record) => record.Id === objectOf(contact.output).id);
    expect(stored).toMatchObject({ Name: 'Bob Norman', AccountId: northwind?.Id });

    const order = await upsert('Order', 'Waybill_Key__c', {
      externalId: 'shopify-450789469',
      fields: {
        Account: { External_Id__c: 'CUST-0002' },
        EffectiveDate: '2008-01-10',
        Status: 'Draft',
        PoNumber: '#1001',
      },
    });
    expect(order.output).toMatchObject({ created: true, object: 'Order' });
    expect(server.sim.records('Order')).toEqual([
      expect.objectContaining({ OrderNumber: '00000100', PoNumber: '#1001' }),
    ]);

    const shipment = await upsert('Shipment__c', 'Waybill_Key__c', {
      externalId: 'SHIP-1',
      fields: { Name: 'Shipment 1', Carrier__c: 'UPS', Tracking_Number__c: '1Z999AA10123456784' },
    });
    expect(shipment.output).toMatchObject({ created: true, id: expect.stringMatching(/^a0SWb/) });
  });

  it('writes the same record once when the answer was lost after Salesforce committed and the node retried', async () => {
    server.sim.failNext({ kind: 'http-503', afterCommit: true, matchMethod: 'PATCH', count: 3 });
    const input = { externalId: 'CUST-0300', fields: { Name: 'Lost Answer Ltd' } };
    // The kit repeats the idempotent PATCH in place; every repeat is an update of the same record.
    expect(await failure(upsert('Account', 'External_Id__c', input))).toMatchObject({
      kind: 'connector',
      code: 'HTTP_503',
      retryable: true,
    });
    const retried = await upsert('Account', 'External_Id__c', input);
    expect(retried.output).toMatchObject({ created: false });
    expect(
      server.sim.records('Account').filter((account) => account.External_Id__c === 'CUST-0300'),
    ).toHaveLength(1);
  });

  it('turns a missing required field into a user error naming the field', async () => {
    const error = await failure(
      upsert('Contact', 'External_Id__c', { externalId: 'CONT-0200', fields: { FirstName: 'Nameless' } }),
    );
    expect(error).toEqual({
      kind: 'user',
      code: 'SALESFORCE_REQUIRED_FIELD_MISSING',
      message:
        'Salesforce refused the upsert of Contact by External_Id__c "CONT-0200": Required fields are missing: [LastName] (fields: LastName); map a value to each of these fields.',
      retryable: false,
      upstream: {
        status: 400,
        code: 'REQUIRED_FIELD_MISSING',
        body: expect.stringContaining('REQUIRED_FIELD_MISSING'),
      },
      details: {
        errors: [
          {
            message: 'Required fields are missing: [LastName]',
            errorCode: 'REQUIRED_FIELD_MISSING',
            fields: ['LastName'],
          },
        ],
      },
    });
  });

  it('turns a unique value held by another record into DUPLICATE_VALUE', async () => {
    await upsert('Account', 'External_Id__c', {
      externalId: 'CUST-0400',
      fields: { Name: 'First', Waybill_Key__c: 'WB-1' },
    });
    const error = await failure(
      upsert('Account', 'External_Id__c', {
        externalId: 'CUST-0401',
        fields: { Name: 'Second', Waybill_Key__c: 'wb-1' },
      }),
    );
    expect(error).toMatchObject({ kind: 'user', code: 'SALESFORCE_DUPLICATE_VALUE' });
    expect(error.message).toMatch(
      /: duplicate value found: Waybill_Key__c duplicates value on record with id: 001Wb\w+; another record already holds/,
    );
  });

  it('turns an unknown field into INVALID_FIELD and an external id shared by two records into a 300 user error', async () => {
    expect(
      await failure(
        upsert('Account', 'External_Id__c', {
          externalId: 'CUST-0500',
          fields: { Name: 'x', Colour__c: 'red' },
        }),
      ),
    ).toMatchObject({
      code: 'SALESFORCE_INVALID_FIELD',
      message: expect.stringContaining(
        "No such column 'Colour__c' on sobject of type Account; check the field names",
      ),
    });
    const twin = server.sim.insert('Contact', { LastName: 'Twin', External_Id__c: 'CONT-0001' });
    const error = await failure(
      upsert('Contact', 'External_Id__c', { externalId: 'CONT-0001', fields: { Title: 'Buyer' } }),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_MULTIPLE_CHOICES',
      upstream: { status: 300 },
    });
    expect(error.message).toContain(twin.Id);
  });

  it('refuses an external id with a slash and one that disagrees with the fields before calling Salesforce', async () => {
    expect(
      await failure(upsert('Account', 'External_Id__c', { externalId: 'A/B', fields: { Name: 'x' } })),
    ).toMatchObject({ code: 'SALESFORCE_INVALID_EXTERNAL_ID' });
    expect(
      await failure(
        upsert('Account', 'External_Id__c', {
          externalId: 'CUST-1',
          fields: { External_Id__c: 'CUST-2', Name: 'x' },
        }),
      ),
    ).toMatchObject({ code: 'SALESFORCE_EXTERNAL_ID_MISMATCH' });
    expect(server.sim.calls.filter((call) => call.path.includes('/sobjects/'))).toEqual([]);
  });
});
