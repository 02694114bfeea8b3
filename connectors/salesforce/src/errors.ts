import {
  connectorError,
  parseRetryAfter,
  UPSTREAM_EXCERPT_BYTES,
  userError,
  type WaybillError,
} from '@waybill/connector-kit';

/**
 * Salesforce's REST errors in Waybill's taxonomy. Every 4xx answer of the data API carries an
 * array `[{ message, errorCode, fields }]`; the mapping goes by `errorCode`, because that says
 * whether the fix is in the flow's data or setup (user), in the org's quota (retry later), or in
 * Salesforce itself (retry).
 */

/**
 * One entry of Salesforce's error array.
 *
 * @example
 * const entry: SalesforceErrorEntry = { message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] };
 */
export interface SalesforceErrorEntry {
  message: string;
  errorCode: string;
  fields?: string[];
}

/**
 * How long to wait after REQUEST_LIMIT_EXCEEDED for the daily allowance: Salesforce counts API
 * calls over a rolling 24 hours, so an hour frees a twenty-fourth of it.
 *
 * @example
 * DAILY_LIMIT_RETRY_MS; // 3600000
 */
export const DAILY_LIMIT_RETRY_MS = 60 * 60 * 1000;

/** What to check for each error code, appended to Salesforce's own message. */
const USER_HINTS: Record<string, string> = {
  REQUIRED_FIELD_MISSING: 'map a value to each of these fields',
  DUPLICATE_VALUE: 'another record already holds this unique value; upsert by that field or change the value',
  DUPLICATES_DETECTED:
    "a duplicate rule matched an existing record; update that record or relax the org's duplicate rule",
  INVALID_FIELD:
    "check the field names against the object's fields in Salesforce Setup (custom fields end in __c)",
  INVALID_FIELD_FOR_INSERT_UPDATE:
    'leave these read-only fields out of the data sent, or give the API user edit access to them',
  INVALID_TYPE: 'check the object name (custom objects end in __c) and that the API user can see it',
  MALFORMED_QUERY: 'check the SOQL syntax',
  INVALID_QUERY_FILTER_OPERATOR: "check the WHERE clause's operators and values against the field types",
  MALFORMED_ID: 'check the record ids sent; they are 15 or 18 characters',
  FIELD_INTEGRITY_EXCEPTION: 'check that the lookup ids point at records of the right object',
  INVALID_CROSS_REFERENCE_KEY: 'check that the lookup ids point at records that exist',
  STRING_TOO_LONG: 'shorten the value or map a shorter one',
  INVALID_EMAIL_ADDRESS: 'check the email address in the data',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: "use one of the picklist's values",
  FIELD_CUSTOM_VALIDATION_EXCEPTION: "the org's validation rule refused the record; fix the data it names",
  CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY:
    'a trigger or flow in the org refused the record; its message says why',
  JSON_PARSER_ERROR: 'check the types of the values sent (numbers, booleans, dates as YYYY-MM-DD)',
  NUMBER_OUTSIDE_VALID_RANGE: 'check the number against the field’s precision',
  NOT_FOUND: 'check the object, the record id or external id and the API version',
  ENTITY_IS_DELETED: 'the record was deleted; restore it from the recycle bin or send another id',
  INSUFFICIENT_ACCESS_OR_READONLY:
    "give the API user's profile or permission set access to the object and the record",
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: 'give the API user access to the related record',
  MULTIPLE_CHOICES: 'the external id matches several records; make the values unique or use the record id',
};

/** Refusals fixed in the org's setup rather than in the data: not retried, but not the flow's fault. */
const SETUP_ERRORS: Record<string, string> = {
  API_DISABLED_FOR_ORG: "the org's edition has no API access; ask Salesforce to enable it",
  API_CURRENTLY_DISABLED: 'give the API user\'s profile the "API Enabled" permission',
  INSUFFICIENT_ACCESS: "give the API user's profile or permission set the access this call needs",
  FUNCTIONALITY_NOT_ENABLED: 'the org does not have this feature enabled',
};

/** Transient refusals: Salesforce did nothing and the same call may pass later. */
const RETRYABLE: Record<string, number> = {
  UNABLE_TO_LOCK_ROW: 2_000,
  SERVER_UNAVAILABLE: 30_000,
  INVALID_QUERY_LOCATOR: 0,
  QUERY_TIMEOUT: 60_000,
};

/**
 * Where a failing call went and what it tried, so the sentence can say which call failed.
 *
 * @example
 * const site: CallSite = { host: 'acme.my.salesforce.com', action: 'the upsert of Contact by External_Id__c', status: 400 };
 */
export interface CallSite {
  host: string;
  /** e.g. "the query", "the upsert of Account by External_Id__c". */
  action: string;
  status: number;
  body?: string;
  headers?: Readonly<Record<string, string>>;
}

/**
 * Reads Salesforce's error array from a body, or undefined when the body is not one.
 *
 * @example
 * errorEntriesOf('[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]');
 * // [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]
 */
export function errorEntriesOf(body: unknown): SalesforceErrorEntry[] | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(value)) return undefined;
  const entries: SalesforceErrorEntry[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return undefined;
    const message = 'message' in item && typeof item.message === 'string' ? item.message : '';
    const errorCode = 'errorCode' in item && typeof item.errorCode === 'string' ? item.errorCode : '';
    if (!errorCode) return undefined;
    const fields =
      'fields' in item && Array.isArray(item.fields)
        ? item.fields.filter((field: unknown): field is string => typeof field === 'string')
        : undefined;
    entries.push({ message, errorCode, ...(fields ? { fields } : {}) });
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * The taxonomy error for a refused data API call, from its error array.
 *
 * @example
 * salesforceApiError([{ message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }],
 *   { host: 'acme.my.salesforce.com', action: 'the upsert of Contact by External_Id__c', status: 400 });
 * // WaybillError { kind: 'user', code: 'SALESFORCE_REQUIRED_FIELD_MISSING',
 * //   message: 'Salesforce refused the upsert of Contact by External_Id__c: Required fields are missing: [LastName] (fields: LastName); map a value to each of these fields.' }
 */
export function salesforceApiError(entries: readonly SalesforceErrorEntry[], site: CallSite): WaybillError {
  const [first = { errorCode: `HTTP_${site.status}`, message: '' }] = entries;
  const code = `SALESFORCE_${first.errorCode}`;
  const said = entries.map(describeEntry).join('; ');
  const upstream = {
    status: site.status,
    code: first.errorCode,
    ...(site.body !== undefined ? { body: site.body.slice(0, UPSTREAM_EXCERPT_BYTES) } : {}),
  };
  const details = { errors: entries.map((entry) => ({ ...entry })) };
  if (first.errorCode === 'REQUEST_LIMIT_EXCEEDED') return limitError(first, site, upstream, details);
  const retryAfter = RETRYABLE[first.errorCode];
  if (retryAfter !== undefined) {
    const asked = parseRetryAfter(site.headers?.['retry-after']);
    return connectorError({
      code,
      message: `Salesforce at ${site.host} could not complete ${site.action} just now: ${said}; the call can be retried.`,
      retryable: true,
      upstream,
      details,
      ...((asked ?? retryAfter) > 0 ? { retryAfterMs: asked ?? retryAfter } : {}),
    });
  }
  const setup = SETUP_ERRORS[first.errorCode];
  if (setup !== undefined || (site.status === 403 && USER_HINTS[first.errorCode] === undefined)) {
    return connectorError({
      code,
      message: `Salesforce at ${site.host} refused ${site.action}: ${said}; ${setup ?? "check the API user's permissions"}.`,
      retryable: false,
      upstream,
      details,
    });
  }
  const hint = USER_HINTS[first.errorCode] ?? "Salesforce's answer is kept with the error";
  return userError({
    code,
    message: `Salesforce refused ${site.action}: ${said}; ${hint}.`,
    upstream,
    details,
  });
}

function limitError(
  entry: SalesforceErrorEntry,
  site: CallSite,
  upstream: { status: number; code: string; body?: string },
  details: unknown,
): WaybillError {
  // "ConcurrentPerOrgLongTxn Limit exceeded" is about long requests running now, not the daily quota.
  const concurrent = /concurrent/i.test(entry.message);
  const asked = parseRetryAfter(site.headers?.['retry-after']);
  return connectorError({
    code: 'SALESFORCE_REQUEST_LIMIT_EXCEEDED',
    message: concurrent
      ? `Salesforce at ${site.host} refused ${site.action} because too many long-running requests are in progress in the org (${clean(entry.message)}); the call will be tried again shortly.`
      : `Salesforce at ${site.host} refused ${site.action} because the org has used up its rolling 24-hour API request allowance (${clean(entry.message)}); the call will be tried again later, or ask the Salesforce admin to raise the limit or slow other integrations down.`,
    retryable: true,
    retryAfterMs: asked ?? (concurrent ? 30_000 : DAILY_LIMIT_RETRY_MS),
    upstream,
    details,
  });
}

/**
 * An entry as a phrase: Salesforce's message, cleaned of the query echo and caret, and the fields.
 *
 * @example
 * describeEntry({ message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] });
 * // 'Required fields are missing: [LastName] (fields: LastName)'
 */
export function describeEntry(entry: SalesforceErrorEntry): string {
  const message = clean(entry.message) || entry.errorCode;
  const fields = entry.fields && entry.fields.length > 0 ? ` (fields: ${entry.fields.join(', ')})` : '';
  return `${message}${fields}`;
}

/**
 * Salesforce's message as one line: SOQL errors start with the query, a caret and
 * "ERROR at Row:1:Column:N"; the reason comes last and the position is kept in short.
 *
 * @example
 * clean("\nSELECT Id FROMM Account\n          ^\nERROR at Row:1:Column:11\nunexpected token: 'FROMM'");
 * // "unexpected token: 'FROMM' (row 1, column 11)"
 */
export function clean(message: string): string {
  const located = /ERROR at Row:(\d+):Column:(\d+)\s+([\s\S]*)$/.exec(message);
  const text = located ? `${located[3]} (row ${located[1]}, column ${located[2]})` : message;
  const oneLine = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return oneLine.length > 600 ? `${oneLine.slice(0, 599)}…` : oneLine;
}
