import { randomBytes } from 'node:crypto';

/**
 * A connected app registered with the simulator: what the token endpoint checks.
 * - `consumerSecret` for the client credentials flow;
 * - `publicKeyPem` (the certificate's public key, SPKI or a certificate in PEM) for the JWT
 *   bearer flow; without it JWT assertions of this client are refused;
 * - `username`: the user the client acts as: the client credentials flow's run-as user and the
 *   only user pre-authorised for the JWT bearer flow. Without it client credentials are refused
 *   with "no client credentials user enabled".
 *
 * @example
 * const client: SimClient = { consumerKey: 'sim-consumer-key', consumerSecret: 'sim-consumer-secret', username: 'integration@waybill-sim.example' };
 */
export interface SimClient {
  consumerKey: string;
  consumerSecret: string;
  publicKeyPem?: string;
  username?: string;
}

/**
 * The connected app every simulator has unless `clients` says otherwise.
 *
 * @example
 * DEFAULT_CLIENT.consumerKey; // 'sim-consumer-key'
 */
export const DEFAULT_CLIENT: SimClient = {
  consumerKey: 'sim-consumer-key',
  consumerSecret: 'sim-consumer-secret',
  username: 'integration@waybill-sim.example',
};

/**
 * Who an access token belongs to.
 *
 * @example
 * const session: Session = { userId: '005Wb0000000001IAA', username: 'integration@waybill-sim.example', consumerKey: 'sim-consumer-key' };
 */
export interface Session {
  userId: string;
  username: string;
  consumerKey: string;
}

/**
 * Issued access tokens. Salesforce tokens carry no expiry in the token response: a session ends
 * after the org's inactivity timeout or when revoked, and the API then answers 401
 * INVALID_SESSION_ID. `expireAll` and `expire` stand for both.
 */
export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(private readonly orgId: string) {}

  /** A token shaped like Salesforce's: the org id, "!", then an opaque part. */
  issue(session: Session): string {
    const token = `${this.orgId.slice(0, 15)}!AQ${randomBytes(45).toString('base64url')}`;
    this.sessions.set(token, session);
    return token;
  }

  /** The session of an `Authorization: Bearer <token>` (or `OAuth <token>`) header. */
  fromHeader(header: string | undefined): Session | undefined {
    const token = tokenOf(header);
    return token === undefined ? undefined : this.sessions.get(token);
  }

  expire(header: string | undefined): void {
    const token = tokenOf(header);
    if (token !== undefined) this.sessions.delete(token);
  }

  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  get size(): number {
    return this.sessions.size;
  }
}

function tokenOf(header: string | undefined): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
