import { describe, expect, it } from 'vitest';
import { objectOf, recordsIn } from '../../testing/simulator-harness.js';
import { SalesforceApiError } from '../errors.js';
import { signIn } from '../in-process.js';
import { createSalesforceSimulator } from '../simulator.js';
import { parseSoql } from './parser.js';

/**
 * The SOQL subset the simulator runs, through the query endpoint in-process, so results and
 * errors are what a connector receives.
 */

const at = (time: string) => new Date(`2026-03-02T${time}Z`);
let clock = at('09:00:00');
const sim = createSalesforceSimulator({ now: () => clock });

async function query(soql: string) {
  const headers = await signIn(sim);
  const response = await sim.app.request(`/services/data/v60.0/query?q=${encodeURIComponent(soql)}`, {
    headers,
  });
  const body: unknown = await response.json();
  return { status: response.status, body };
}

const names = async (soql: string) =>
  recordsIn((await query(soql)).body, 'records').map((record) => record.Name);

describe('the simulated SOQL subset', () => {
  it('filters with =, IN, LIKE and AND, case-insensitively for text', async () => {
    expect(
      await names(
        "SELECT Name FROM Account WHERE External_Id__c IN ('cust-0001', 'CUST-0002') ORDER BY Name",
      ),
    ).toEqual(['Acme Retail Inc.', 'Northwind Traders']);
    expect(
      await names("SELECT Name FROM account WHERE name like 'maple%' AND BillingCountry = 'CA'"),
    ).toEqual(['Maple Leaf Hardware']);
    expect(
      await names("SELECT Name FROM Account WHERE NOT (BillingCountry IN ('US', 'CA', 'DE', 'FR', 'NL')) "),
    ).toEqual(['Brightside Supplies Ltd']);
  });

  it('follows parent relationships in the select list and the filter', async () => {
    const { body } = await query(
      "SELECT LastName, Account.Name, Account.External_Id__c FROM Contact WHERE Account.External_Id__c = 'CUST-0001'",
    );
    expect(objectOf(body).records).toEqual([
      {
        attributes: { type: 'Contact', url: expect.stringContaining('/sobjects/Contact/003') },
        LastName: 'Cooper',
        Account: {
          attributes: { type: 'Account', url: expect.stringContaining('/sobjects/Account/001') },
          Name: 'Acme Retail Inc.',
          External_Id__c: 'CUST-0001',
        },
      },
    ]);
  });

  it('compares datetimes and ids, orders by several fields and applies LIMIT and OFFSET', async () => {
    clock = at('09:10:00');
    const late = sim.insert('Account', { Name: 'Late A' });
    const later = sim.insert('Account', { Name: 'Late B' });
    clock = at('09:00:00');
    expect(
      await names(
        'SELECT Name FROM Account WHERE LastModifiedDate > 2026-03-02T09:05:00Z ORDER BY LastModifiedDate, Id',
      ),
    ).toEqual(['Late A', 'Late B']);
    expect(
      await names(
        `SELECT Name FROM Account WHERE (LastModifiedDate > 2026-03-02T09:10:00Z OR (LastModifiedDate = 2026-03-02T09:10:00.000+0000 AND Id > '${late.Id}'))`,
      ),
    ).toEqual(['Late B']);
    expect(await names('SELECT Name FROM Account ORDER BY LastModifiedDate DESC, Id DESC LIMIT 1')).toEqual([
      'Late B',
    ]);
    expect(await names('SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1')).toEqual([
      'Brightside Supplies Ltd',
      'Contoso Pharmacy GmbH',
    ]);
    expect(later.LastModifiedDate).toBe('2026-03-02T09:10:00.000+0000');
  });

  it('counts with COUNT()', async () => {
    expect((await query('SELECT COUNT() FROM Product2 WHERE IsActive = true')).body).toEqual({
      totalSize: 10,
      done: true,
      records: [],
    });
  });

  it.each([
    [
      'SELECT Id FROMM Account',
      'MALFORMED_QUERY',
      "\nSELECT Id FROMM Account\n          ^\nERROR at Row:1:Column:11\nunexpected token: 'FROMM'",
    ],
    [
      "SELECT Id FROM Account WHERE Name = 'a' AND Phone = 'b' OR Type = 'c'",
      'MALFORMED_QUERY',
      expect.stringContaining("unexpected token: 'OR'"),
    ],
    [
      'SELECT Id FROM Widget__c',
      'INVALID_TYPE',
      expect.stringContaining("sObject type 'Widget__c' is not supported."),
    ],
    [
      'SELECT Colour__c FROM Account',
      'INVALID_FIELD',
      expect.stringContaining("No such column 'Colour__c' on entity 'Account'."),
    ],
    [
      "SELECT Id FROM Opportunity WHERE Amount > '10'",
      'INVALID_FIELD',
      expect.stringContaining(
        "value of filter criterion for field 'Amount' must be of type double and should not be enclosed in quotes",
      ),
    ],
    [
      "SELECT Id FROM Account WHERE LastModifiedDate > '2026-03-02'",
      'INVALID_FIELD',
      expect.stringContaining('must be of type dateTime and should not be enclosed in quotes'),
    ],
    [
      "SELECT Id FROM Account WHERE Id = 'nope'",
      'INVALID_QUERY_FILTER_OPERATOR',
      expect.stringContaining('invalid ID field: nope'),
    ],
  ])('refuses %s with %s', async (soql, errorCode, message) => {
    const { status, body } = await query(soql);
    expect(status).toBe(400);
    expect(body).toEqual([{ message, errorCode }]);
  });

  it('reads string escapes and keeps \\% literal in LIKE', () => {
    const parsed = parseSoql("SELECT Id FROM Account WHERE Name = 'O\\'Brien' AND Name LIKE '100\\%'");
    expect(parsed.where).toMatchObject({
      kind: 'and',
      items: [
        { value: { kind: 'string', value: "O'Brien" } },
        { value: { kind: 'string', value: '100\\%' } },
      ],
    });
    expect(() => parseSoql("SELECT Id FROM Account WHERE Name = 'open")).toThrow(SalesforceApiError);
  });
});
