import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { SimCore } from '../sim-core.js';
import { checkAssertion } from './jwt-assertion.js';
import type { SimClient } from './sessions.js';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * `POST /services/oauth2/token` with the two server-to-server grants: `client_credentials`
 * (client id and secret in the form or in HTTP Basic) and the JWT bearer grant. Errors are
 * Salesforce's OAuth bodies `{ "error", "error_description" }` with HTTP 400; the accepted
 * audience is the simulator's own URL. The instance URL handed out is the simulator's too.
 */
export function tokenRoutes(core: SimCore): Hono {
  const app = new Hono();
  app.post('/services/oauth2/token', async (c) => {
    const form = await readForm(c.req.raw);
    const origin = new URL(c.req.url).origin;
    const refuse = (error: string, description: string) =>
      c.json({ error, error_description: description }, 400, { 'cache-control': 'no-store' });
    const grant = form.get('grant_type');
    let client: SimClient;
    let username: string;
    if (grant === 'client_credentials') {
      const [clientId, secret] = clientCredentials(form, c.req.header('authorization'));
      const found = core.clients.find((candidate) => candidate.consumerKey === clientId);
      if (!found) return refuse('invalid_client_id', 'client identifier invalid');
      if (!sameText(found.consumerSecret, secret))
        return refuse('invalid_client', 'invalid client credentials');
      if (!found.username) return refuse('invalid_grant', 'no client credentials user enabled');
      client = found;
      username = found.username;
    } else if (grant === JWT_GRANT) {
      const outcome = checkAssertion(form.get('assertion') ?? '', {
        clients: core.clients,
        audiences: [origin],
        now: core.now().getTime(),
      });
      if (!outcome.ok) return refuse(outcome.error, outcome.description);
      client = outcome.client;
      username = outcome.username;
    } else {
      return refuse('unsupported_grant_type', 'grant type not supported');
    }
    const userId = core.users.get(username.toLowerCase());
    if (!userId) return refuse('invalid_grant', "user hasn't approved this consumer");
    const accessToken = core.sessions.issue({ userId, username, consumerKey: client.consumerKey });
    const id = `${origin}/id/${core.orgId}/${userId}`;
    const issuedAt = String(core.now().getTime());
    const body: Record<string, string> = {
      access_token: accessToken,
      scope: 'api',
      instance_url: origin,
      id,
      token_type: 'Bearer',
    };
    if (grant === 'client_credentials') {
      // Salesforce signs id + issued_at with the consumer secret so the client can check the answer.
      body.signature = createHmac('sha256', client.consumerSecret)
        .update(id + issuedAt)
        .digest('base64');
      body.issued_at = issuedAt;
    }
    return c.json(body, 200, { 'cache-control': 'no-store' });
  });
  return app;
}

async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  // Salesforce reads only form bodies here; anything else looks like a request without a grant.
  return type.includes('application/x-www-form-urlencoded')
    ? new URLSearchParams(text)
    : new URLSearchParams();
}

function clientCredentials(form: URLSearchParams, authorization: string | undefined): [string, string] {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
  }
  return [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
