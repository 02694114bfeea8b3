import { UPSTREAM_EXCERPT_BYTES, userError, type WaybillError } from '@waybill/connector-kit';

/**
 * The token endpoint's refusals (`{ "error", "error_description" }`, HTTP 400) as user errors
 * naming what to check. They are all fixed on the credential or in the connected app, never by
 * retrying; the sentences never repeat a secret.
 */

/**
 * What the sentence may name about the sign-in that failed.
 *
 * @example
 * const attempt: SignInAttempt = { credentialId: 'sf-prod', flow: 'jwt-bearer', host: 'login.salesforce.com', username: 'bot@acme.com', audience: 'https://login.salesforce.com' };
 */
export interface SignInAttempt {
  credentialId: string;
  flow: 'client-credentials' | 'jwt-bearer';
  /** Host of the login URL. */
  host: string;
  username?: string;
  audience?: string;
}

/**
 * The user error for an OAuth error answer.
 *
 * @example
 * oauthError({ error: 'invalid_client', error_description: 'invalid client credentials' }, 400, attempt);
 * // WaybillError { kind: 'user', code: 'SALESFORCE_INVALID_CLIENT', message: 'Salesforce at … refused the consumer key and secret …' }
 */
export function oauthError(
  answer: { error: string; error_description?: string },
  status: number,
  attempt: SignInAttempt,
): WaybillError {
  const description = (answer.error_description ?? '').trim();
  const said = description ? `${answer.error}: ${description}` : answer.error;
  const at = `Salesforce at ${attempt.host}`;
  const credential = `the credential "${attempt.credentialId}"`;
  const { code, message } = explain(answer.error, description.toLowerCase(), {
    at,
    credential,
    said,
    attempt,
  });
  return userError({
    code,
    message,
    upstream: {
      status,
      code: answer.error,
      body: JSON.stringify({ error: answer.error, error_description: description }).slice(
        0,
        UPSTREAM_EXCERPT_BYTES,
      ),
    },
  });
}

function explain(
  error: string,
  description: string,
  words: { at: string; credential: string; said: string; attempt: SignInAttempt },
): { code: string; message: string } {
  const { at, credential, said, attempt } = words;
  if (error === 'invalid_client_id') {
    return {
      code: 'SALESFORCE_INVALID_CLIENT',
      message: `${at} does not know the consumer key of ${credential} (${said}); copy the consumer key from the connected app (Setup, App Manager, View, Manage Consumer Details) and check that the login URL is the org's.`,
    };
  }
  if (error === 'invalid_client') {
    return {
      code: 'SALESFORCE_INVALID_CLIENT',
      message: `${at} refused the consumer key and secret of ${credential} (${said}); copy both again from the connected app, since a regenerated secret replaces the old one.`,
    };
  }
  if (error === 'unsupported_grant_type') {
    return {
      code: 'SALESFORCE_FLOW_NOT_ALLOWED',
      message:
        attempt.flow === 'client-credentials'
          ? `${at} does not accept the client credentials flow (${said}); use the org's My Domain URL (https://<domain>.my.salesforce.com) as the login URL, not login.salesforce.com, and enable "Client Credentials Flow" in the connected app.`
          : `${at} does not accept the JWT bearer flow (${said}); check the login URL in ${credential}.`,
    };
  }
  if (error === 'invalid_grant') {
    if (description.includes('no client credentials user')) {
      return {
        code: 'SALESFORCE_INVALID_GRANT',
        message: `${at} has no run-as user for the client credentials flow of ${credential} (${said}); in the connected app's OAuth policies enable "Client Credentials Flow" and choose a Run As user.`,
      };
    }
    if (description.includes('audience')) {
      return {
        code: 'SALESFORCE_INVALID_GRANT',
        message: `${at} refused the audience "${attempt.audience ?? ''}" of ${credential} (${said}); set the audience to https://login.salesforce.com for production or https://test.salesforce.com for a sandbox.`,
      };
    }
    if (description.includes('expired')) {
      return {
        code: 'SALESFORCE_INVALID_GRANT',
        message: `${at} found the signed assertion of ${credential} already expired (${said}); check that this server's clock is right, since the assertion is valid for three minutes only.`,
      };
    }
    if (description.includes('invalid assertion')) {
      return {
        code: 'SALESFORCE_INVALID_GRANT',
        message: `${at} could not verify the signed assertion of ${credential} (${said}); check that the private key belongs to the certificate uploaded to the connected app ("Use digital signatures") and that the consumer key is that app's.`,
      };
    }
    if (description.includes('approved')) {
      return {
        code: 'SALESFORCE_INVALID_GRANT',
        message: `${at} says the user "${attempt.username ?? ''}" of ${credential} has not approved the connected app (${said}); check the username, and set the app's Permitted Users to "Admin approved users are pre-authorized" with the user's profile or permission set.`,
      };
    }
    if (description.includes('locked') || description.includes('inactive')) {
      return {
        code: 'SALESFORCE_INVALID_GRANT',
        message: `${at} refused the API user of ${credential} (${said}); unlock or activate the user in Setup.`,
      };
    }
  }
  return {
    code: 'SALESFORCE_AUTH_FAILED',
    message: `${at} refused to sign in with ${credential} (${said}); check the credential's values and the connected app's OAuth settings.`,
  };
}
