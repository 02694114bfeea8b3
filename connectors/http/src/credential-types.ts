import {
  type CredentialTest,
  defineCredentialType,
  type TypedCredential,
  userError,
} from '@waybill/connector-kit';

/**
 * The credential types of the HTTP connector. Each also carries the credential record's allowed
 * hosts, which is how a flow may reach a private or loopback host (a simulator, an on-premises ERP).
 */

const TEST_URL = {
  name: 'testUrl',
  label: 'Test URL (an endpoint that needs this credential)',
  secret: false,
  required: false,
} as const;

/**
 * The test of every HTTP credential type: a GET of the credential's test URL with the headers the
 * credential adds. 2xx means accepted; 401/403 and other failures come back as the reason.
 */
function getTestUrl(
  headersOf: (values: Record<string, string | undefined>) => Record<string, string>,
): CredentialTest {
  return async ({ values, http }) => {
    if (!values.testUrl) {
      return {
        ok: false,
        message: 'Set "Test URL" to an endpoint that needs this credential, then test again.',
      };
    }
    const response = await http.request({
      method: 'GET',
      url: values.testUrl,
      headers: headersOf(values),
      timeoutMs: 15_000,
      maxResponseBytes: 1024 * 1024,
    });
    return {
      ok: true,
      message: `${new URL(response.url).host} accepted the credential (HTTP ${response.status}).`,
    };
  };
}

/**
 * `Authorization: Bearer <token>`.
 *
 * @example
 * const credential = { id: 'api', type: 'http-bearer', values: { token: 's3cret' }, allowedHosts: [] };
 */
export const httpBearer = defineCredentialType({
  type: 'http-bearer',
  title: 'Bearer token',
  description: 'Sends "Authorization: Bearer <token>".',
  fields: [{ name: 'token', label: 'Token', secret: true, required: true }, TEST_URL],
  test: getTestUrl((values) => ({ authorization: `Bearer ${values.token ?? ''}` })),
});

/**
 * `Authorization: Basic base64(username:password)`.
 *
 * @example
 * const credential = { id: 'erp', type: 'http-basic', values: { username: 'svc', password: 'pw' }, allowedHosts: ['10.0.0.5'] };
 */
export const httpBasic = defineCredentialType({
  type: 'http-basic',
  title: 'Basic authentication',
  description: 'Sends a user name and password as HTTP Basic authentication.',
  fields: [
    { name: 'username', label: 'User name', secret: false, required: true },
    { name: 'password', label: 'Password', secret: true, required: true },
    TEST_URL,
  ],
  test: getTestUrl((values) => ({
    authorization: `Basic ${Buffer.from(`${values.username ?? ''}:${values.password ?? ''}`, 'utf8').toString('base64')}`,
  })),
});

/**
 * One header of your choice, e.g. `X-Api-Key: <value>`.
 *
 * @example
 * const credential = { id: 'wms', type: 'http-header', values: { name: 'X-Api-Key', value: 'k' }, allowedHosts: [] };
 */
export const httpHeader = defineCredentialType({
  type: 'http-header',
  title: 'API key header',
  description: 'Sends one header, such as X-Api-Key, whose value is kept secret.',
  fields: [
    { name: 'name', label: 'Header name', secret: false, required: true },
    { name: 'value', label: 'Header value', secret: true, required: true },
    TEST_URL,
  ],
  test: getTestUrl((values) => ({
    [(values.name ?? '').trim().toLowerCase() || 'x-api-key']: values.value ?? '',
  })),
});

/**
 * No authentication: the credential exists only to carry allowed hosts, so an unauthenticated
 * internal endpoint can be reached without inventing a fake token.
 *
 * @example
 * const credential = { id: 'sim', type: 'http-none', values: {}, allowedHosts: ['127.0.0.1:4010'] };
 */
export const httpNone = defineCredentialType({
  type: 'http-none',
  title: 'No authentication (allowed hosts only)',
  description: 'Sends no credentials; use it to let a flow reach private hosts listed as allowed.',
  fields: [TEST_URL],
  test: getTestUrl(() => ({})),
});

/**
 * Every credential type the HTTP connector accepts.
 *
 * @example
 * httpCredentialTypes.map((credentialType) => credentialType.type); // ['http-bearer', 'http-basic', 'http-header', 'http-none']
 */
export const httpCredentialTypes = [httpBearer, httpBasic, httpHeader, httpNone] as const;

/**
 * A credential accepted by `http.request`, as the operation sees it.
 *
 * @example
 * const credential: HttpCredential = { id: 'api', type: 'http-bearer', values: { token: 't' }, allowedHosts: [] };
 */
export type HttpCredential = TypedCredential<(typeof httpCredentialTypes)[number]>;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The headers a credential adds, and which of them must not follow a redirect to another origin.
 *
 * @example
 * credentialHeaders({ id: 'api', type: 'http-bearer', values: { token: 't' }, allowedHosts: [] });
 * // { headers: { authorization: 'Bearer t' }, sensitive: ['authorization'] }
 */
export function credentialHeaders(credential: HttpCredential | undefined): {
  headers: Record<string, string>;
  sensitive: string[];
} {
  switch (credential?.type) {
    case undefined:
    case 'http-none':
      return { headers: {}, sensitive: [] };
    case 'http-bearer':
      return {
        headers: { authorization: `Bearer ${credential.values.token}` },
        sensitive: ['authorization'],
      };
    case 'http-basic': {
      const pair = `${credential.values.username}:${credential.values.password}`;
      return {
        headers: { authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}` },
        sensitive: ['authorization'],
      };
    }
    case 'http-header': {
      const name = credential.values.name.trim();
      if (!HEADER_NAME.test(name)) {
        throw userError({
          code: 'CREDENTIAL_INVALID',
          message: `The credential "${credential.id}" names the header "${name}", which is not a valid header name; use letters, digits and dashes.`,
        });
      }
      return { headers: { [name.toLowerCase()]: credential.values.value }, sensitive: [name.toLowerCase()] };
    }
  }
}
