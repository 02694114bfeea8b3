import type { Context } from 'hono';
import { findObject } from '../data/schema.js';
import type { ObjectDef } from '../data/schema-types.js';
import { badRequest, notFound, SalesforceApiError } from '../errors.js';
import { API_VERSIONS, type SimCore } from '../sim-core.js';

/**
 * What every data route needs from its request: the API version of the path, the sObject, the
 * user behind the token and the JSON body, each refused the way Salesforce refuses it.
 */

/**
 * The version of a `/services/data/vXX.X/...` path as `XX.X`, or Salesforce's 404 for a version it
 * does not serve.
 *
 * @example
 * apiVersionOf('v60.0'); // '60.0'
 */
export function apiVersionOf(segment: string | undefined): string {
  const match = /^v(\d{2})\.0$/.exec(segment ?? '');
  const major = Number(match?.[1]);
  if (!match || major < API_VERSIONS.min || major > API_VERSIONS.max) throw notFound();
  return `${major}.0`;
}

/**
 * The version of the current request.
 *
 * @example
 * versionOf(c); // '60.0'
 */
export function versionOf(c: Context): string {
  return apiVersionOf(c.req.param('version'));
}

/**
 * The major version as a number, for behaviour that changed between versions.
 *
 * @example
 * majorOf('45.0'); // 45
 */
export function majorOf(version: string): number {
  return Number(version.split('.')[0]);
}

/**
 * The sObject named in the path, or 404 NOT_FOUND as for any unknown resource.
 *
 * @example
 * objectParam(c).name; // 'Account'
 */
export function objectParam(c: Context): ObjectDef {
  const object = findObject(c.req.param('object') ?? '');
  if (!object) throw notFound();
  return object;
}

/**
 * The user id behind the request's access token (401 INVALID_SESSION_ID without one).
 *
 * @example
 * const writer = { store: core.store, userId: userOf(core, c) };
 */
export function userOf(core: SimCore, c: Context): string {
  const session = core.sessions.fromHeader(c.req.header('authorization'));
  if (!session) throw invalidSession();
  return session.userId;
}

/**
 * Salesforce's answer to a missing, expired or revoked token.
 *
 * @example
 * throw invalidSession();
 */
export function invalidSession(): SalesforceApiError {
  return new SalesforceApiError(401, [
    { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
  ]);
}

/**
 * The JSON body, or 400 JSON_PARSER_ERROR.
 *
 * @example
 * const body = await jsonBody(c);
 */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    throw badRequest('JSON_PARSER_ERROR', 'The request body is empty. Send a JSON object.');
  }
  try {
    return JSON.parse(text);
  } catch {
    const first = text.trim()[0] ?? '';
    throw badRequest(
      'JSON_PARSER_ERROR',
      `Unexpected character ('${first}' (code ${first.charCodeAt(0)})): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:1, column:1]`,
    );
  }
}
