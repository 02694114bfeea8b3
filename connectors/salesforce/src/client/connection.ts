import { userError } from '@waybill/connector-kit';

/**
 * What the client needs to reach one org, taken from a credential. The login URL serves the token
 * endpoint; the data API goes to the `instance_url` the token answer names.
 *
 * @example
 * const connection: SalesforceConnection = { flow: 'client-credentials', credentialId: 'sf-prod',
 *   loginUrl: 'https://acme.my.salesforce.com', consumerKey: '3MVG9…', consumerSecret: 's3cret', apiVersion: '60.0' };
 */
export type SalesforceConnection =
  | {
      flow: 'client-credentials';
      credentialId: string;
      loginUrl: string;
      consumerKey: string;
      consumerSecret: string;
      apiVersion: string;
    }
  | {
      flow: 'jwt-bearer';
      credentialId: string;
      loginUrl: string;
      consumerKey: string;
      username: string;
      privateKeyPem: string;
      audience: string;
      apiVersion: string;
    };

/**
 * The REST API version the connector uses unless the credential names another.
 *
 * @example
 * DEFAULT_API_VERSION; // '60.0'
 */
export const DEFAULT_API_VERSION = '60.0';

/**
 * A login URL without trailing slashes, or a user error naming the credential.
 *
 * @example
 * loginUrlOf('https://acme.my.salesforce.com/', 'sf-prod'); // 'https://acme.my.salesforce.com'
 */
export function loginUrlOf(text: string, credentialId: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw userError({
      code: 'SALESFORCE_INVALID_LOGIN_URL',
      message: `The login URL of the credential "${credentialId}" is not a URL; enter the org's address, e.g. https://acme.my.salesforce.com.`,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw userError({
      code: 'SALESFORCE_INVALID_LOGIN_URL',
      message: `The login URL of the credential "${credentialId}" must start with https://.`,
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * An API version as `XX.X` from "60", "60.0" or "v60.0"; the default when empty.
 *
 * @example
 * apiVersionOf('v61.0', 'sf-prod'); // '61.0'
 */
export function apiVersionOf(text: string | undefined, credentialId: string): string {
  if (text === undefined || text.trim() === '') return DEFAULT_API_VERSION;
  const match = /^v?(\d{2,3})(?:\.0)?$/i.exec(text.trim());
  if (!match) {
    throw userError({
      code: 'SALESFORCE_INVALID_API_VERSION',
      message: `The API version "${text}" of the credential "${credentialId}" is not a Salesforce REST version; write it like 60.0.`,
    });
  }
  return `${match[1]}.0`;
}

/**
 * The JWT audience: the one the credential names, else test.salesforce.com for a sandbox login
 * URL and login.salesforce.com otherwise, as Salesforce expects.
 *
 * @example
 * defaultAudience('https://acme--uat.sandbox.my.salesforce.com'); // 'https://test.salesforce.com'
 */
export function defaultAudience(loginUrl: string): string {
  const host = new URL(loginUrl).host.toLowerCase();
  return host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com')
    ? 'https://test.salesforce.com'
    : 'https://login.salesforce.com';
}
