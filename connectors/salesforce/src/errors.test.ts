import { readFileSync } from 'node:fs';
import { toErrorInfo } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { clean, DAILY_LIMIT_RETRY_MS, errorEntriesOf, salesforceApiError } from './errors.js';
import { oauthError } from './oauth-errors.js';
import { objectOf } from './testing/simulator-harness.js';

/**
 * The mapping of Salesforce's documented error bodies (fixtures/errors) into the taxonomy.
 */

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/errors/${name}.json`, import.meta.url), 'utf8'));

function mapped(name: string, status = 400) {
  const entries = errorEntriesOf(fixture(name)) ?? [];
  return toErrorInfo(
    salesforceApiError(entries, { host: 'acme.my.salesforce.com', action: 'the query', status }),
  );
}

describe('Salesforce error mapping', () => {
  it.each([
    [
      'required-field-missing',
      'SALESFORCE_REQUIRED_FIELD_MISSING',
      'Required fields are missing: [LastName] (fields: LastName); map a value to each of these fields.',
    ],
    [
      'duplicate-value',
      'SALESFORCE_DUPLICATE_VALUE',
      'duplicate value found: Waybill_Key__c duplicates value on record with id: 001Wb0000000001IAA; another record already holds this unique value; upsert by that field or change the value.',
    ],
    [
      'malformed-query',
      'SALESFORCE_MALFORMED_QUERY',
      "unexpected token: 'FROMM' (row 1, column 11); check the SOQL syntax.",
    ],
    [
      'invalid-field',
      'SALESFORCE_INVALID_FIELD',
      "No such column 'Colour__c' on sobject of type Account; check the field names against the object's fields in Salesforce Setup (custom fields end in __c).",
    ],
  ])('makes %s a user error with the message, the fields and what to check', (name, code, text) => {
    expect(mapped(name)).toMatchObject({
      kind: 'user',
      code,
      retryable: false,
      message: `Salesforce refused the query: ${text}`,
      upstream: { status: 400 },
    });
  });

  it('waits an hour on the daily allowance and half a minute on the concurrent-request limit', () => {
    expect(mapped('request-limit-exceeded', 403)).toMatchObject({
      kind: 'connector',
      retryable: true,
      retryAfterMs: DAILY_LIMIT_RETRY_MS,
    });
    expect(mapped('concurrent-limit-exceeded', 403)).toMatchObject({ retryable: true, retryAfterMs: 30_000 });
    expect(mapped('concurrent-limit-exceeded', 403).message).toContain('too many long-running requests');
  });

  it('retries a record lock and gives up on a setup refusal', () => {
    expect(mapped('unable-to-lock-row')).toMatchObject({
      kind: 'connector',
      retryable: true,
      code: 'SALESFORCE_UNABLE_TO_LOCK_ROW',
    });
    expect(mapped('api-disabled', 403)).toMatchObject({
      kind: 'connector',
      retryable: false,
      code: 'SALESFORCE_API_DISABLED_FOR_ORG',
    });
  });

  it('reads only well-formed error arrays', () => {
    expect(errorEntriesOf(fixture('invalid-session-id'))).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
    expect(errorEntriesOf('<html>503</html>')).toBeUndefined();
    expect(errorEntriesOf([{ message: 'no code' }])).toBeUndefined();
    expect(errorEntriesOf(fixture('oauth-invalid-client'))).toBeUndefined();
  });

  it('cleans the query echo out of SOQL errors and cuts long messages', () => {
    expect(
      clean("\nSELECT Id FROMM Account\n          ^\nERROR at Row:1:Column:11\nunexpected token: 'FROMM'"),
    ).toBe("unexpected token: 'FROMM' (row 1, column 11)");
    expect(clean('x'.repeat(900))).toHaveLength(600);
  });

  it('turns an OAuth refusal into a user error that names the credential', () => {
    const body = objectOf(fixture('oauth-invalid-client'));
    const answer = { error: String(body.error), error_description: String(body.error_description) };
    const error = toErrorInfo(
      oauthError(answer, 400, {
        credentialId: 'sf-prod',
        flow: 'client-credentials',
        host: 'acme.my.salesforce.com',
      }),
    );
    expect(error).toEqual({
      kind: 'user',
      code: 'SALESFORCE_INVALID_CLIENT',
      retryable: false,
      message:
        'Salesforce at acme.my.salesforce.com refused the consumer key and secret of the credential "sf-prod" (invalid_client: invalid client credentials); copy both again from the connected app, since a regenerated secret replaces the old one.',
      upstream: {
        status: 400,
        code: 'invalid_client',
        body: '{"error":"invalid_client","error_description":"invalid client credentials"}',
      },
    });
  });

  it('sends the client credentials flow to the My Domain URL when the login URL does not offer it', () => {
    const error = oauthError(
      { error: 'unsupported_grant_type', error_description: 'grant type not supported' },
      400,
      {
        credentialId: 'sf-prod',
        flow: 'client-credentials',
        host: 'login.salesforce.com',
      },
    );
    expect(error.info.message).toContain(
      "use the org's My Domain URL (https://<domain>.my.salesforce.com) as the login URL",
    );
  });
});
