import { type ResolvedCredential, toErrorInfo } from '@waybill/connector-kit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  type OdooSimulator,
  type RunningOdooSimulator,
  type StartOdooSimulatorOptions,
  startOdooSimulator,
} from '../simulator/index.js';

/**
 * Test support for the connector's integration tests: they reach the Odoo simulator over real HTTP
 * on 127.0.0.1 the way production reaches Odoo, through credentials whose allowed hosts name the
 * simulator's host. Kept in one place so that every suite starts, resets and signs in to the
 * simulator the same way, and a change to the seed users or the credential types is made once.
 */

/**
 * The two wire protocols the connector speaks; suites run once per protocol with `describe.each`.
 *
 * @example
 * describe.each(protocols)('odoo.findProducts over %s', (protocol) => {
 *   it('finds a seeded SKU', async () => {
 *     await invoker.invoke(testCall({ type: 'odoo.findProducts', input: { skus: ['SKU-1001'] }, credential: server.credential(protocol) }));
 *   });
 * });
 */
export const protocols = ['jsonrpc', 'json2'] as const;

/**
 * One of {@link protocols}.
 *
 * @example
 * const protocol: OdooProtocol = 'json2';
 */
export type OdooProtocol = (typeof protocols)[number];

/**
 * The simulator's seeded users: `admin` may do everything, `readonly` reads everything and changes
 * nothing. Each signs in with its name as password (JSON-RPC) or with `sim-<user>-key` (JSON-2).
 *
 * @example
 * const user: SimulatorUser = 'readonly';
 */
export type SimulatorUser = 'admin' | 'readonly';

/**
 * How a suite wants its simulator: the simulator's own options, plus whether to reset its database
 * before every test.
 *
 * @example
 * const options: UseOdooSimulatorOptions = { serverVersion: '17.0', resetEachTest: false };
 */
export interface UseOdooSimulatorOptions extends StartOdooSimulatorOptions {
  /**
   * Reset the database and the call log before each test (default true), so tests do not see each
   * other's records. Pass false when the suite resets on its own, e.g. after moving a clock first.
   */
  resetEachTest?: boolean;
}

/**
 * The simulator a suite runs against, read through getters because it only exists once `beforeAll`
 * has started it.
 *
 * @example
 * const server: SimulatorHarness = useOdooSimulator();
 * it('logs the calls', () => {
 *   expect(server.sim.calls).toEqual([]);
 * });
 */
export interface SimulatorHarness {
  /** Base URL of the running simulator, e.g. `http://127.0.0.1:53122`. */
  readonly url: string;
  readonly sim: OdooSimulator;
  /**
   * A credential for `user` over `protocol` that may reach the simulator on 127.0.0.1. The id
   * defaults to one per protocol and user; pass another to get a connection (and, over JSON-RPC,
   * a session) of its own.
   */
  credential(protocol: OdooProtocol, user?: SimulatorUser, id?: string): ResolvedCredential;
}

/**
 * Starts an Odoo simulator on a free port before the tests of the enclosing file or `describe`,
 * closes it after them and, unless told otherwise, resets it before each test. Call it at the top
 * level of a test file, or inside a `describe` for a simulator per block (one per server version).
 *
 * @example
 * const server = useOdooSimulator();
 * const invoker = createConnectorInvoker([odooConnector]);
 * it('finds a seeded product', async () => {
 *   const call = testCall({ type: 'odoo.findProducts', input: { skus: ['SKU-1001'] }, credential: server.credential('json2') });
 *   expect((await invoker.invoke(call)).output).toMatchObject({ missing: [] });
 * });
 *
 * @example
 * describe.each(['17.0', '18.0'] as const)('on Odoo %s', (serverVersion) => {
 *   const server = useOdooSimulator({ serverVersion, resetEachTest: false });
 * });
 */
export function useOdooSimulator(options: UseOdooSimulatorOptions = {}): SimulatorHarness {
  const { resetEachTest = true, ...startOptions } = options;
  let running: RunningOdooSimulator | undefined;
  // Reached from a test or hook only: at collection time nothing is listening yet.
  const current = (): RunningOdooSimulator => {
    if (!running) throw new Error('the Odoo simulator is only running inside tests and hooks');
    return running;
  };

  beforeAll(async () => {
    running = await startOdooSimulator({ port: 0, ...startOptions });
  });
  // Nothing to close when the start itself failed; that failure is the one to report.
  afterAll(() => running?.close());
  if (resetEachTest) beforeEach(() => current().sim.reset());

  return {
    get url() {
      return current().url;
    },
    get sim() {
      return current().sim;
    },
    credential: (protocol, user = 'admin', id = `odoo-${protocol}-${user}`) =>
      protocol === 'jsonrpc'
        ? {
            id,
            type: 'odoo-jsonrpc',
            values: { url: current().url, database: 'waybill', login: user, password: user },
            allowedHosts: ['127.0.0.1'],
          }
        : {
            id,
            type: 'odoo-json2',
            values: { url: current().url, apiKey: `sim-${user}-key`, database: 'waybill' },
            allowedHosts: ['127.0.0.1'],
          },
  };
}

/**
 * The same credential with no database named. JSON-2 makes the database optional (the URL of a
 * single-database server picks it), and some tests check that the connector copes without one; a
 * JSON-RPC credential needs its database, so do not pass one here.
 *
 * @example
 * const json2 = withoutDatabase(server.credential('json2'));
 * json2.values.database; // undefined
 */
export function withoutDatabase(credential: ResolvedCredential): ResolvedCredential {
  const { database: _dropped, ...values } = credential.values;
  return { ...credential, values };
}

/**
 * The error a call was expected to fail with, as the `ErrorInfo` the engine would record, so tests
 * assert on kind, code and retryability rather than on error classes. Fails the test when the call
 * succeeds.
 *
 * @example
 * expect(await failure(invoker.invoke(call))).toMatchObject({ kind: 'user', code: 'ODOO_ACCESS_ERROR' });
 */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toErrorInfo(error);
  }
  throw new Error('expected the call to fail');
}

/**
 * An operation's output as a plain object, checked rather than cast, so a test can read a member of
 * an `unknown` output and fail with a clear message when the output is not an object.
 *
 * @example
 * const deliveries = objectOf(await run('odoo.getDeliveries', { orderId })).deliveries;
 */
export function objectOf(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected an object');
  return Object.fromEntries(Object.entries(value));
}

/**
 * The number at `key` of an object output (typically an Odoo record id), checked rather than cast.
 *
 * @example
 * const orderId = numberIn(await run('odoo.createSaleOrder', order), 'orderId');
 */
export function numberIn(value: unknown, key: string): number {
  const found = objectOf(value)[key];
  if (typeof found !== 'number') throw new Error(`no number at ${key}`);
  return found;
}

/**
 * A seeded customer as a canonical order names it.
 *
 * @example
 * const customer: SampleCustomer = { ref: 'CUST-0002', name: 'Northwind Traders' };
 */
export interface SampleCustomer {
  ref: string;
  name: string;
}

/**
 * A canonical order line; quantities and prices are decimal strings, as in canonical orders.
 *
 * @example
 * const line: SampleLine = { sku: 'SKU-1022', quantity: '2', uom: 'Dozens', unitPrice: '9.60' };
 */
export interface SampleLine {
  sku: string;
  quantity: string;
  unitPrice: string;
  uom?: string;
  discount?: string;
}

/**
 * A canonical order in the company currency (USD) for a seeded customer, the input of
 * odoo.createSaleOrder. Each suite picks its own number, customer and SKUs so that it can assert on
 * them; what every such order shares is kept here.
 *
 * @example
 * const order = sampleOrder('WEB-3001', { ref: 'CUST-0002', name: 'Northwind Traders' }, [
 *   { sku: 'SKU-1001', quantity: '10', unitPrice: '2.40' },
 * ]);
 * await run('odoo.createSaleOrder', order, { confirm: true });
 */
export function sampleOrder(
  number: string,
  customer: SampleCustomer,
  lines: SampleLine[],
  sourceSystem = 'shopify',
) {
  return { number, source: { system: sourceSystem }, currency: 'USD', customer, lines };
}
