import { describe, expect, it } from 'vitest';
import { objectOf } from '../../testing/simulator-harness.js';
import { call, signIn } from '../in-process.js';
import { createSalesforceSimulator } from '../simulator.js';

/**
 * The simulator's sObject resources in-process: documented success shapes and status codes, per
 * API version where they differ, and the error arrays.
 */

describe('the simulated sObject resources', () => {
  it('lists its versions without a token and refuses data calls without one', async () => {
    const sim = createSalesforceSimulator();
    const versions = await (await sim.app.request('/services/data')).json();
    expect(versions).toContainEqual({ label: "Spring '24", url: '/services/data/v60.0', version: '60.0' });
    const refused = await sim.app.request('/services/data/v60.0/limits');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Token');
    expect(await refused.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
  });

  it('answers an unknown version or resource with 404 NOT_FOUND', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    for (const path of [
      '/services/data/v20.0/limits',
      '/services/data/v60.0/sobjects/Nope__c',
      '/services/data/v60.0/nothing',
    ]) {
      const response = await call(sim, headers, 'GET', path);
      expect([path, response.status, await response.json()]).toEqual([
        path,
        404,
        [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
      ]);
    }
  });

  it('creates with 201 and reads the record back with attributes and system fields', async () => {
    const sim = createSalesforceSimulator({ now: () => new Date('2026-03-02T09:00:00.750Z') });
    const headers = await signIn(sim);
    const created = await call(sim, headers, 'POST', '/services/data/v60.0/sobjects/Account', {
      Name: 'New Co',
      Waybill_Key__c: 'WB-1',
    });
    expect(created.status).toBe(201);
    const id = String(objectOf(await created.json()).id);
    expect(id).toMatch(/^001Wb\w{13}$/);
    const read = await (
      await call(
        sim,
        headers,
        'GET',
        `/services/data/v60.0/sobjects/Account/${id}?fields=Name,LastModifiedDate`,
      )
    ).json();
    expect(read).toEqual({
      attributes: { type: 'Account', url: `/services/data/v60.0/sobjects/Account/${id}` },
      Name: 'New Co',
      LastModifiedDate: '2026-03-02T09:00:00.000+0000',
      Id: id,
    });
  });

  it('upserts by external id with 201 created, then 200 created false from v46.0 and 204 before', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    const first = await call(
      sim,
      headers,
      'PATCH',
      '/services/data/v60.0/sobjects/Account/External_Id__c/CUST-0100',
      { Name: 'Hundred Co' },
    );
    expect(first.status).toBe(201);
    const id = String(objectOf(await first.json()).id);
    const modern = await call(
      sim,
      headers,
      'PATCH',
      '/services/data/v60.0/sobjects/Account/External_Id__c/CUST-0100',
      { Phone: '+1 555' },
    );
    expect([modern.status, await modern.json()]).toEqual([
      200,
      { id, success: true, errors: [], created: false },
    ]);
    const old = await call(
      sim,
      headers,
      'PATCH',
      '/services/data/v45.0/sobjects/Account/External_Id__c/cust-0100',
      { Phone: '+1 556' },
    );
    expect([old.status, await old.text()]).toEqual([204, '']);
    const oldCreate = await call(
      sim,
      headers,
      'PATCH',
      '/services/data/v45.0/sobjects/Account/External_Id__c/CUST-0101',
      { Name: 'Hundred One' },
    );
    expect(Object.keys(objectOf(await oldCreate.json()))).toEqual(['id', 'success', 'errors']);
  });

  it('answers 300 with the record URLs when an external id is shared and 404 for a field that is not one', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    sim.insert('Contact', { LastName: 'Twin', External_Id__c: 'CONT-0001' });
    const several = await call(
      sim,
      headers,
      'PATCH',
      '/services/data/v60.0/sobjects/Contact/External_Id__c/CONT-0001',
      { Title: 'x' },
    );
    expect(several.status).toBe(300);
    expect(await several.json()).toEqual([
      expect.stringMatching(/^\/services\/data\/v60\.0\/sobjects\/Contact\/003/),
      expect.any(String),
    ]);
    const notExternal = await call(sim, headers, 'PATCH', '/services/data/v60.0/sobjects/Account/Name/Acme', {
      Phone: '1',
    });
    expect([notExternal.status, await notExternal.json()]).toEqual([
      404,
      [
        {
          errorCode: 'NOT_FOUND',
          message: 'Provided external ID field does not exist or is not accessible: Name',
        },
      ],
    ]);
  });

  it.each([
    [
      'a missing required field',
      'Contact',
      { FirstName: 'No' },
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [LastName]',
      ['LastName'],
    ],
    [
      'an unknown field',
      'Account',
      { Name: 'x', Colour__c: 'red' },
      'INVALID_FIELD',
      "No such column 'Colour__c' on sobject of type Account",
      undefined,
    ],
    [
      'a read-only field',
      'Order',
      { OrderNumber: '1' },
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      expect.stringMatching(/^Unable to create\/update fields: OrderNumber\./),
      ['OrderNumber'],
    ],
    [
      'a bad restricted picklist value',
      'Order',
      { Status: 'Shipped' },
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'Status: bad value for restricted picklist field: Shipped',
      ['Status'],
    ],
    [
      'text for a number',
      'Opportunity',
      { Amount: 'lots' },
      'JSON_PARSER_ERROR',
      expect.stringMatching(/^Cannot deserialize instance of currency from VALUE_STRING value lots/),
      undefined,
    ],
    [
      'a malformed lookup id',
      'Contact',
      { LastName: 'x', AccountId: 'nope' },
      'MALFORMED_ID',
      'Account ID: id value of incorrect type: nope',
      ['AccountId'],
    ],
  ])(
    'refuses %s with the documented error array',
    async (_case, object, body, errorCode, message, fields) => {
      const sim = createSalesforceSimulator();
      const headers = await signIn(sim);
      const response = await call(sim, headers, 'POST', `/services/data/v60.0/sobjects/${object}`, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual([{ message, errorCode, ...(fields ? { fields } : {}) }]);
    },
  );

  it('refuses a second record with the same unique external id as DUPLICATE_VALUE', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    const [acme] = sim.records('Account');
    const response = await call(sim, headers, 'POST', '/services/data/v60.0/sobjects/Account', {
      Name: 'Clone',
      External_Id__c: 'cust-0001',
    });
    expect(await response.json()).toEqual([
      {
        message: `duplicate value found: External_Id__c duplicates value on record with id: ${acme?.Id}`,
        errorCode: 'DUPLICATE_VALUE',
        fields: [],
      },
    ]);
  });

  it('links a lookup named by the parent external id', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    const response = await call(
      sim,
      headers,
      'PATCH',
      '/services/data/v60.0/sobjects/Contact/External_Id__c/CONT-0100',
      {
        LastName: 'Linked',
        Account: { External_Id__c: 'CUST-0002' },
      },
    );
    expect(response.status).toBe(201);
    const northwind = sim.records('Account').find((account) => account.External_Id__c === 'CUST-0002');
    expect(sim.records('Contact').find((contact) => contact.LastName === 'Linked')?.AccountId).toBe(
      northwind?.Id,
    );
    const missing = await call(sim, headers, 'POST', '/services/data/v60.0/sobjects/Contact', {
      LastName: 'x',
      Account: { External_Id__c: 'CUST-9999' },
    });
    expect(await missing.json()).toEqual([
      {
        message: 'Foreign key external ID: cust-9999 not found for field External_Id__c in entity Account',
        errorCode: 'INVALID_FIELD',
        fields: [],
      },
    ]);
  });
});
