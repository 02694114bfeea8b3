import type { SalesforceSimulator } from './simulator.js';

/**
 * In-process access to a simulator for its own protocol tests: a token from the default client,
 * then requests through `sim.app.request`, as a connector would send them over HTTP.
 */

/**
 * Headers of a signed-in JSON request, from the default client's client credentials grant.
 *
 * @example
 * const headers = await signIn(sim);
 * await sim.app.request('/services/data/v60.0/limits', { headers });
 */
export async function signIn(sim: SalesforceSimulator): Promise<Record<string, string>> {
  const response = await sim.app.request('/services/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'sim-consumer-key',
      client_secret: 'sim-consumer-secret',
    }),
  });
  const answer: unknown = await response.json();
  const token =
    typeof answer === 'object' && answer !== null && 'access_token' in answer ? answer.access_token : '';
  return { authorization: `Bearer ${String(token)}`, 'content-type': 'application/json' };
}

/**
 * One request with a JSON body.
 *
 * @example
 * const response = await call(sim, headers, 'POST', '/services/data/v60.0/sobjects/Account', { Name: 'New Co' });
 */
export async function call(
  sim: SalesforceSimulator,
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return await sim.app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
