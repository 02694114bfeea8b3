import type { BoundHttpClient } from '@waybill/connector-kit';

/**
 * Named arguments of an Odoo model method, as JSON-2 takes them: `ids` for methods that work on
 * records (absent for `@api.model` methods such as `create` or `search_read`), `context`, and
 * the method's own parameters by name.
 *
 * @example
 * const args: NamedArguments = { domain: [['default_code', 'in', ['SKU-1001']]], fields: ['id', 'name'], limit: 10 };
 */
export interface NamedArguments {
  ids?: readonly number[];
  context?: Record<string, unknown>;
  [parameter: string]: unknown;
}

/**
 * One way of talking to Odoo. Both implementations reach the same ORM; they differ in
 * authentication and in how they carry arguments and errors.
 *
 * @example
 * const client: OdooClient = createOdooClient(ctx.http, connectionOf(ctx.credential));
 * const ids = await client.call('res.partner', 'search', { domain: [['ref', '=', 'CUST-0001']], limit: 1 });
 */
export interface OdooClient {
  readonly protocol: 'jsonrpc' | 'json2';
  /** `host:port` of the Odoo server, for sentences. */
  readonly host: string;
  /** Calls a public model method with named arguments; the result is Odoo's JSON value, unchecked. */
  call(model: string, method: string, args?: NamedArguments): Promise<unknown>;
  /**
   * Calls a model method the `execute_kw` way: positional `args` (record ids first for record
   * methods) and keyword `kwargs`. JSON-2 has no positional arguments, so there it works for the
   * ORM methods whose parameter names are known and for `[ids]` alone.
   */
  executeKw(
    model: string,
    method: string,
    args?: readonly unknown[],
    kwargs?: Record<string, unknown>,
  ): Promise<unknown>;
  /** The server version (e.g. "19.0"), or undefined when the server does not say. */
  serverVersion(): Promise<string | undefined>;
}

/**
 * What a client needs to reach one Odoo database, taken from a credential.
 *
 * @example
 * const connection: OdooConnection = { protocol: 'json2', credentialId: 'odoo-main',
 *   url: 'https://erp.example.com', apiKey: 'k3y', database: 'erp' };
 */
export type OdooConnection =
  | {
      protocol: 'jsonrpc';
      credentialId: string;
      url: string;
      database: string;
      login: string;
      /** The user's password, or one of the user's API keys (Odoo accepts both). */
      password: string;
    }
  | { protocol: 'json2'; credentialId: string; url: string; apiKey: string; database?: string };

/**
 * Options shared by both implementations.
 *
 * @example
 * const options: OdooClientOptions = { timeoutMs: 60_000 };
 */
export interface OdooClientOptions {
  /** Time limit of one HTTP call to Odoo (30 s). */
  timeoutMs?: number;
  /** Largest answer accepted (20 MB): a wide search_read can be big. */
  maxResponseBytes?: number;
}

/**
 * Signature of an implementation's factory, so `createOdooClient` can pick one by protocol.
 *
 * @example
 * const factory: OdooClientFactory<'json2'> = createJson2Client;
 */
export type OdooClientFactory<P extends OdooConnection['protocol']> = (
  http: BoundHttpClient,
  connection: Extract<OdooConnection, { protocol: P }>,
  options?: OdooClientOptions,
) => OdooClient;
