import { describe, expect, it } from 'vitest';
import { objectOf, recordsIn } from '../../testing/simulator-harness.js';
import { call, signIn } from '../in-process.js';
import { createSalesforceSimulator } from '../simulator.js';

/**
 * The simulator's query paging, composite requests, API allowance, failure rules and control
 * routes, in-process.
 */

describe('the simulated query, composite and control resources', () => {
  it('pages a query by the Sforce-Query-Options batch size and refuses an unknown locator', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    for (let index = 0; index < 450; index++)
      sim.insert('Account', { Name: `Bulk ${String(index).padStart(3, '0')}` });
    const q = encodeURIComponent("SELECT Id, Name FROM Account WHERE Name LIKE 'Bulk%' ORDER BY Name");
    const first = await (
      await call(
        sim,
        { ...headers, 'sforce-query-options': 'batchSize=200' },
        'GET',
        `/services/data/v60.0/query?q=${q}`,
      )
    ).json();
    const firstUrl = String(objectOf(first).nextRecordsUrl);
    expect(first).toMatchObject({
      totalSize: 450,
      done: false,
      nextRecordsUrl: expect.stringMatching(/^\/services\/data\/v60\.0\/query\/01gWb\w{13}-200$/),
    });
    expect(recordsIn(first, 'records')).toHaveLength(200);
    expect(recordsIn(first, 'records')[0]).toEqual({
      attributes: { type: 'Account', url: expect.stringContaining('/sobjects/Account/001') },
      Id: expect.any(String),
      Name: 'Bulk 000',
    });
    const second = objectOf(await (await call(sim, headers, 'GET', firstUrl)).json());
    const third = objectOf(await (await call(sim, headers, 'GET', String(second.nextRecordsUrl))).json());
    const lengths = [recordsIn(second, 'records').length, recordsIn(third, 'records').length];
    expect([...lengths, third.done, third.nextRecordsUrl]).toEqual([200, 50, true, undefined]);
    expect(recordsIn(third, 'records').at(-1)?.Name).toBe('Bulk 449');
    const gone = await call(sim, headers, 'GET', firstUrl.replace('-200', '-400'));
    expect([gone.status, await gone.json()]).toEqual([
      400,
      [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }],
    ]);
  });

  it('runs a composite request with references and rolls all of it back with allOrNone', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    const compositeRequest = [
      {
        method: 'POST',
        url: '/services/data/v60.0/sobjects/Account',
        referenceId: 'newAccount',
        body: { Name: 'Composite Co' },
      },
      {
        method: 'POST',
        url: '/services/data/v60.0/sobjects/Contact',
        referenceId: 'newContact',
        body: { LastName: 'Kim', AccountId: '@{newAccount.id}' },
      },
    ];
    const ok = await (
      await call(sim, headers, 'POST', '/services/data/v60.0/composite', {
        allOrNone: true,
        compositeRequest,
      })
    ).json();
    const okResults = recordsIn(ok, 'compositeResponse');
    expect(okResults.map((result) => result.httpStatusCode)).toEqual([201, 201]);
    expect(objectOf(okResults[0]?.httpHeaders).Location).toMatch(
      /^\/services\/data\/v60\.0\/sobjects\/Account\/001/,
    );
    const accounts = sim.records('Account').length;
    const failing = [
      compositeRequest[0],
      { ...compositeRequest[1], body: { FirstName: 'NoLast', AccountId: '@{newAccount.id}' } },
    ];
    const rolled = await (
      await call(sim, headers, 'POST', '/services/data/v60.0/composite', {
        allOrNone: true,
        compositeRequest: failing,
      })
    ).json();
    expect(objectOf(rolled).compositeResponse).toEqual([
      {
        body: [
          {
            errorCode: 'PROCESSING_HALTED',
            message:
              'The transaction was rolled back since another operation in the same transaction failed.',
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: 'newAccount',
      },
      {
        body: [
          {
            message: 'Required fields are missing: [LastName]',
            errorCode: 'REQUIRED_FIELD_MISSING',
            fields: ['LastName'],
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: 'newContact',
      },
    ]);
    expect(sim.records('Account')).toHaveLength(accounts);
  });

  it('counts API calls in Sforce-Limit-Info and refuses past the daily allowance', async () => {
    const sim = createSalesforceSimulator({ dailyApiRequests: 2 });
    const headers = await signIn(sim);
    const first = await call(sim, headers, 'GET', '/services/data/v60.0/limits');
    expect(first.headers.get('sforce-limit-info')).toBe('api-usage=1/2');
    expect(objectOf(await first.json()).DailyApiRequests).toEqual({ Max: 2, Remaining: 1 });
    await call(sim, headers, 'GET', '/services/data/v60.0/limits');
    const refused = await call(sim, headers, 'GET', '/services/data/v60.0/limits');
    expect([refused.status, await refused.json()]).toEqual([
      403,
      [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    ]);
  });

  it('fails the next matching request by rule, and after the commit when asked', async () => {
    const sim = createSalesforceSimulator();
    const headers = await signIn(sim);
    sim.failNext({ kind: 'http-503', retryAfterSeconds: 7, matchPath: '/limits' });
    const unavailable = await call(sim, headers, 'GET', '/services/data/v60.0/limits');
    expect([unavailable.status, unavailable.headers.get('retry-after')]).toEqual([503, '7']);
    sim.failNext({ kind: 'http-500', afterCommit: true, matchMethod: 'PATCH' });
    const lost = await call(
      sim,
      headers,
      'PATCH',
      '/services/data/v60.0/sobjects/Account/External_Id__c/CUST-0200',
      { Name: 'Committed' },
    );
    expect(lost.status).toBe(500);
    expect(sim.records('Account').some((account) => account.Name === 'Committed')).toBe(true);
    sim.failNext({ kind: 'session-expired' });
    expect((await call(sim, headers, 'GET', '/services/data/v60.0/limits')).status).toBe(401);
    // The rule ends the session, as a timeout would: the token no longer works.
    expect((await call(sim, headers, 'GET', '/services/data/v60.0/limits')).status).toBe(401);
    expect(sim.calls.filter((entry) => entry.outcome === 'injected').map((entry) => entry.errorCode)).toEqual(
      ['http-503', 'http-500', 'session-expired'],
    );
  });

  it('takes failure rules and the clock over /__sim routes', async () => {
    const sim = createSalesforceSimulator();
    const bad = await sim.app.request('/__sim/fail-next', {
      method: 'POST',
      body: JSON.stringify({ kind: 'meteor' }),
    });
    expect(bad.status).toBe(400);
    const good = await sim.app.request('/__sim/fail-next', {
      method: 'POST',
      body: JSON.stringify({ kind: 'lock-row', count: 2 }),
    });
    expect(objectOf(await good.json()).pending).toEqual([{ kind: 'lock-row', count: 2 }]);
    await sim.app.request('/__sim/clock', {
      method: 'POST',
      body: JSON.stringify({ now: '2030-01-01T00:00:00Z' }),
    });
    expect(sim.insert('Account', { Name: 'Future' }).CreatedDate).toBe('2030-01-01T00:00:00.000+0000');
    const state = await (await sim.app.request('/__sim/state?objects=Product2')).json();
    expect(recordsIn(state, 'Product2').map((product) => product.ProductCode)).toContain('SKU-1001');
  });
});
