import { generateKeyPairSync } from 'node:crypto';
import { type ResolvedCredential, toErrorInfo } from '@waybill/connector-kit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  DEFAULT_CLIENT,
  type RunningSalesforceSimulator,
  type SalesforceSimulator,
  type StartSalesforceSimulatorOptions,
  startSalesforceSimulator,
} from '../simulator/index.js';

/**
 * Test support for the connector's integration tests: they reach the Salesforce simulator over
 * real HTTP on 127.0.0.1 the way production reaches Salesforce, through credentials whose allowed
 * hosts name the simulator's host. One place starts, resets and signs in to the simulator, so a
 * change to the seeded clients or the credential types is made once.
 */

/**
 * The two OAuth flows; suites run once per flow with `describe.each`.
 *
 * @example
 * describe.each(flows)('salesforce.query with %s', (flow) => { ... });
 */
export const flows = ['client-credentials', 'jwt-bearer'] as const;

/**
 * One of {@link flows}.
 *
 * @example
 * const flow: Flow = 'jwt-bearer';
 */
export type Flow = (typeof flows)[number];

/**
 * The key pair of the simulator's JWT client: the public half is registered with the simulator as
 * the connected app's certificate, the private half goes into JWT bearer credentials.
 *
 * @example
 * JWT_KEYS.privateKeyPem.startsWith('-----BEGIN PRIVATE KEY-----'); // true
 */
export const JWT_KEYS = keyPair();

/**
 * The consumer key of the simulator's JWT client.
 *
 * @example
 * JWT_CONSUMER_KEY; // 'sim-jwt-consumer-key'
 */
export const JWT_CONSUMER_KEY = 'sim-jwt-consumer-key';

/**
 * The simulator's API user.
 *
 * @example
 * API_USERNAME; // 'integration@waybill-sim.example'
 */
export const API_USERNAME = 'integration@waybill-sim.example';

/**
 * How a suite wants its simulator: the simulator's options plus whether to reset it before every test.
 *
 * @example
 * const options: UseSalesforceSimulatorOptions = { maxQueryBatchSize: 2, resetEachTest: false };
 */
export interface UseSalesforceSimulatorOptions extends StartSalesforceSimulatorOptions {
  /** Reset the org and the call log before each test (default true). */
  resetEachTest?: boolean;
}

/**
 * The simulator a suite runs against, read through getters because it only exists once
 * `beforeAll` has started it.
 *
 * @example
 * const server = useSalesforceSimulator();
 * it('answers', () => expect(server.sim.calls).toEqual([]));
 */
export interface SimulatorHarness {
  readonly url: string;
  readonly sim: SalesforceSimulator;
  /** A credential for a flow that may reach the simulator; `values` override single fields. */
  credential(flow?: Flow, overrides?: { id?: string; values?: Record<string, string> }): ResolvedCredential;
}

/**
 * Starts a simulator on a free port before the file's (or the `describe`'s) tests, closes it after
 * them and, unless told otherwise, resets it before each test. The simulator knows two connected
 * apps: the default client-credentials one and a JWT one with {@link JWT_KEYS}.
 *
 * @example
 * const server = useSalesforceSimulator({ maxQueryBatchSize: 2 });
 * const invoker = createConnectorInvoker([salesforceConnector]);
 */
export function useSalesforceSimulator(options: UseSalesforceSimulatorOptions = {}): SimulatorHarness {
  const { resetEachTest = true, ...startOptions } = options;
  let running: RunningSalesforceSimulator | undefined;
  const current = (): RunningSalesforceSimulator => {
    if (!running) throw new Error('the Salesforce simulator is only running inside tests and hooks');
    return running;
  };
  beforeAll(async () => {
    running = await startSalesforceSimulator({
      port: 0,
      clients: [
        DEFAULT_CLIENT,
        {
          consumerKey: JWT_CONSUMER_KEY,
          consumerSecret: 'sim-jwt-consumer-secret',
          publicKeyPem: JWT_KEYS.publicKeyPem,
          username: API_USERNAME,
        },
      ],
      ...startOptions,
    });
  });
  afterAll(() => running?.close());
  if (resetEachTest) beforeEach(() => current().sim.reset());

  return {
    get url() {
      return current().url;
    },
    get sim() {
      return current().sim;
    },
    credential: (flow = 'client-credentials', overrides = {}) => {
      const { url } = current();
      const values =
        flow === 'client-credentials'
          ? {
              loginUrl: url,
              consumerKey: DEFAULT_CLIENT.consumerKey,
              consumerSecret: DEFAULT_CLIENT.consumerSecret,
            }
          : {
              loginUrl: url,
              consumerKey: JWT_CONSUMER_KEY,
              username: API_USERNAME,
              privateKey: JWT_KEYS.privateKeyPem,
              audience: url,
            };
      return {
        id: overrides.id ?? `sf-${flow}`,
        type: flow === 'client-credentials' ? 'salesforce-client-credentials' : 'salesforce-jwt-bearer',
        values: { ...values, ...overrides.values },
        allowedHosts: ['127.0.0.1'],
      };
    },
  };
}

/**
 * A fresh RSA key pair in PEM (PKCS#8 private, SPKI public).
 *
 * @example
 * const { privateKeyPem, publicKeyPem } = keyPair();
 */
export function keyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * The error a call was expected to fail with, as the `ErrorInfo` the engine records. Fails the
 * test when the call succeeds.
 *
 * @example
 * expect(await failure(invoker.invoke(call))).toMatchObject({ kind: 'user', code: 'SALESFORCE_MALFORMED_QUERY' });
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
 * An output as a plain object, checked rather than cast.
 *
 * @example
 * objectOf(result.output).id;
 */
export function objectOf(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected an object');
  return Object.fromEntries(Object.entries(value));
}

/**
 * An output member that must be an array of objects.
 *
 * @example
 * const records = recordsIn(output, 'records');
 */
export function recordsIn(value: unknown, key: string): Record<string, unknown>[] {
  const list = objectOf(value)[key];
  if (!Array.isArray(list)) throw new Error(`no array at ${key}`);
  return list.map(objectOf);
}
