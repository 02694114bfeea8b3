import type { Context } from 'hono';

/**
 * One entry of Salesforce's REST error array, the body of every 4xx/5xx answer of the data API:
 * `[{ "message": "...", "errorCode": "REQUIRED_FIELD_MISSING", "fields": ["LastName"] }]`.
 *
 * @example
 * const item: ApiErrorItem = { message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] };
 */
export interface ApiErrorItem {
  message: string;
  errorCode: string;
  fields?: string[];
}

/**
 * A refused request inside the simulator: the HTTP status and the error array it answers with.
 *
 * @example
 * throw new SalesforceApiError(400, [{ errorCode: 'MALFORMED_QUERY', message: "unexpected token: 'FROMM'" }]);
 */
export class SalesforceApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorItem[],
  ) {
    super(errors[0]?.message ?? 'Salesforce API error');
    this.name = 'SalesforceApiError';
  }
}

/**
 * Salesforce's 404 for an unknown resource, object or record.
 *
 * @example
 * throw notFound();
 */
export function notFound(message = 'The requested resource does not exist'): SalesforceApiError {
  return new SalesforceApiError(404, [{ errorCode: 'NOT_FOUND', message }]);
}

/**
 * A 400 with one error entry.
 *
 * @example
 * throw badRequest('INVALID_FIELD', "No such column 'Foo' on sobject of type Account");
 */
export function badRequest(errorCode: string, message: string, fields?: string[]): SalesforceApiError {
  return new SalesforceApiError(400, [{ message, errorCode, ...(fields ? { fields } : {}) }]);
}

/**
 * The answer for a thrown error: Salesforce's array for a SalesforceApiError, and for anything
 * else the 500 UNKNOWN_EXCEPTION Salesforce gives for its own bugs.
 *
 * @example
 * app.onError((error, c) => errorResponse(c, error));
 */
export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof SalesforceApiError) {
    return c.json(error.errors, statusOf(error.status));
  }
  return c.json(
    [
      {
        errorCode: 'UNKNOWN_EXCEPTION',
        message: `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId()}`,
      },
    ],
    500,
  );
}

/** Hono wants a literal status type; these are the ones the simulator answers with. */
type SimStatus = 300 | 400 | 401 | 403 | 404 | 405 | 415 | 500 | 503;

export function statusOf(status: number): SimStatus {
  const known: SimStatus[] = [300, 400, 401, 403, 404, 405, 415, 500, 503];
  return known.find((candidate) => candidate === status) ?? 500;
}

let errorCounter = 0;

function errorId(): string {
  errorCounter += 1;
  return `${1_000_000_000 + errorCounter}-${20_000 + errorCounter} (-${1_700_000_000 + errorCounter})`;
}
