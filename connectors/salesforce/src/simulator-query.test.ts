import { createConnectorInvoker } from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { salesforceConnector } from './connector.js';
import { failure, objectOf, recordsIn, useSalesforceSimulator } from './testing/simulator-harness.js';

/**
 * salesforce.query and salesforce.getRecord against the simulator over real HTTP, with query
 * pages of three records so that paging shows on the seeded org.
 */

const server = useSalesforceSimulator({ maxQueryBatchSize: 3 });
const invoker = createConnectorInvoker([salesforceConnector]);
const run = async (type: string, config: Record<string, unknown>, input: unknown = null) =>
  await invoker.invoke(testCall({ type, config, input, credential: server.credential() }));
const query = async (config: Record<string, unknown>, input: unknown = null) =>
  objectOf((await run('salesforce.query', config, input)).output);

describe('salesforce.query', () => {
  it('follows nextRecordsUrl across several pages until Salesforce says done', async () => {
    const result = await query({ soql: 'SELECT Id, Name FROM Account ORDER BY Name' });
    expect(result).toMatchObject({ totalSize: 10, done: true, pages: 4 });
    expect(result).not.toHaveProperty('nextRecordsUrl');
    expect(recordsIn(result, 'records').map((record) => record.Name)).toEqual([
      'Acme Retail Inc.',
      'Brightside Supplies Ltd',
      'Contoso Pharmacy GmbH',
      'Golden Gate Gifts',
      'Lone Star Outfitters',
      'Maison Dupont SARL',
      'Maple Leaf Hardware',
      'Northwind Traders',
      'Tulip Logistics B.V.',
      'Windy City Wholesale',
    ]);
    const pages = server.sim.calls.filter((call) => call.path.includes('/query'));
    expect(pages.map((call) => call.path.replace(/01gWb\w+-/, '<locator>-'))).toEqual([
      '/services/data/v60.0/query',
      '/services/data/v60.0/query/<locator>-3',
      '/services/data/v60.0/query/<locator>-6',
      '/services/data/v60.0/query/<locator>-9',
    ]);
  });

  it('stops at the page limit and hands back where to continue', async () => {
    const result = await query({ soql: 'SELECT Id FROM Account', maxPages: 2 });
    expect(result).toMatchObject({
      totalSize: 10,
      done: false,
      pages: 2,
      nextRecordsUrl: expect.stringMatching(/-6$/),
    });
    expect(recordsIn(result, 'records')).toHaveLength(6);
    const byRecords = await query({ soql: 'SELECT Id FROM Account', maxRecords: 4 });
    expect(byRecords).toMatchObject({ done: false, pages: 2 });
    expect(recordsIn(byRecords, 'records')).toHaveLength(6);
  });

  it('binds :params as escaped literals, so data cannot change the query', async () => {
    const found = await query(
      { soql: 'SELECT Name FROM Account WHERE External_Id__c IN :refs AND BillingCountry = :country' },
      { params: { refs: ['CUST-0001', 'CUST-0002', 'CUST-0003'], country: 'US' } },
    );
    expect(recordsIn(found, 'records').map((record) => record.Name)).toEqual([
      'Acme Retail Inc.',
      'Northwind Traders',
    ]);
    const injected = await query(
      { soql: 'SELECT Name FROM Account WHERE Name = :name' },
      { params: { name: "x' OR Name != 'x" } },
    );
    expect(injected).toMatchObject({ totalSize: 0, records: [] });
  });

  it('takes the query from the input when the node has none, and refuses a node with neither', async () => {
    const result = await query({}, { soql: "SELECT Name FROM Product2 WHERE ProductCode = 'IPOD2008GREEN'" });
    expect(recordsIn(result, 'records').map((record) => record.Name)).toEqual(['IPod Nano - 8gb - green']);
    expect(await failure(query({}))).toMatchObject({ kind: 'user', code: 'SALESFORCE_NO_QUERY' });
    expect(await failure(query({ soql: 'SELECT Id FROM Account WHERE Name = :who' }, {}))).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_MISSING_BIND',
      message:
        "The query names the parameter :who, but the input has no params.who; add it to the input's params.",
    });
  });

  it.each([
    [
      'SELECT Id FROMM Account',
      'SALESFORCE_MALFORMED_QUERY',
      "Salesforce refused the query: unexpected token: 'FROMM' (row 1, column 11); check the SOQL syntax.",
    ],
    [
      'SELECT Colour__c FROM Account',
      'SALESFORCE_INVALID_FIELD',
      expect.stringMatching(
        /^Salesforce refused the query: No such column 'Colour__c' on entity 'Account'\. .+ \(row 1, column 8\); check the field names/,
      ),
    ],
    [
      'SELECT Id FROM Widget__c',
      'SALESFORCE_INVALID_TYPE',
      expect.stringMatching(
        /sObject type 'Widget__c' is not supported.+; check the object name \(custom objects end in __c\)/,
      ),
    ],
  ])(
    'turns a refused query (%s) into a user error with the reason and what to check',
    async (soql, code, message) => {
      expect(await failure(query({ soql }))).toMatchObject({
        kind: 'user',
        code,
        retryable: false,
        message,
        upstream: { status: 400 },
      });
    },
  );
});

describe('salesforce.query with a batch size', () => {
  // A simulator of its own that honours batch sizes up to Salesforce's 2,000.
  const wide = useSalesforceSimulator();

  it('asks for the configured batch size in Sforce-Query-Options', async () => {
    for (let index = 0; index < 450; index++) wide.sim.insert('Product2', { Name: `Extra ${index}` });
    const call = (batchSize?: number) =>
      invoker.invoke(
        testCall({
          type: 'salesforce.query',
          config: { soql: 'SELECT Id FROM Product2', ...(batchSize ? { batchSize } : {}) },
          input: null,
          credential: wide.credential(),
        }),
      );
    expect((await call(200)).output).toMatchObject({ totalSize: 460, done: true, pages: 3 });
    expect((await call()).output).toMatchObject({ totalSize: 460, done: true, pages: 1 });
  });
});

describe('salesforce.getRecord', () => {
  it('reads a record by id or by external id to the found port', async () => {
    const acme = server.sim.records('Account').find((account) => account.External_Id__c === 'CUST-0001');
    const byId = await run('salesforce.getRecord', { object: 'Account', fields: ['Name'] }, { id: acme?.Id });
    expect(byId).toMatchObject({ port: 'found', output: { Id: acme?.Id, Name: 'Acme Retail Inc.' } });
    const byExternalId = await run(
      'salesforce.getRecord',
      { object: 'Product2' },
      { externalIdField: 'External_Id__c', externalId: 'SKU-1001' },
    );
    expect(byExternalId).toMatchObject({
      port: 'found',
      output: { ProductCode: 'SKU-1001', StockKeepingUnit: 'SKU-1001', IsActive: true },
    });
  });

  it('sends the input to notFound when no record matches', async () => {
    const input = { externalIdField: 'External_Id__c', externalId: 'CUST-9999' };
    expect(await run('salesforce.getRecord', { object: 'Account' }, input)).toEqual({
      port: 'notFound',
      output: input,
    });
  });

  it('refuses an external-id field that is not one instead of reporting nothing found', async () => {
    const error = await failure(
      run('salesforce.getRecord', { object: 'Account' }, { externalIdField: 'Name', externalId: 'Acme' }),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'SALESFORCE_NOT_AN_EXTERNAL_ID',
      message:
        'Salesforce says Provided external ID field does not exist or is not accessible: Name; use a field of Account marked External ID.',
    });
  });
});
