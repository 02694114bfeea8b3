import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type ResolvedCredential, toErrorInfo } from '@waybill/connector-kit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sharedThrottle } from '../client/throttle.js';
import {
  type RunningShopifySimulator,
  type ShopifySimulator,
  type StartShopifySimulatorOptions,
  startShopifySimulator,
} from '../simulator/index.js';

/**
 * Test support for the connector's integration tests: they reach the Shopify simulator over real
 * HTTP on 127.0.0.1 the way production reaches Shopify, through a credential whose allowed hosts
 * name the simulator's host. Kept in one place so every suite starts, resets and authenticates
 * the same way.
 */

/**
 * The simulator a suite runs against, read through getters because it only exists once
 * `beforeAll` has started it.
 *
 * @example
 * const server: SimulatorHarness = useShopifySimulator();
 * it('counts calls', () => expect(server.sim.calls).toEqual([]));
 */
export interface SimulatorHarness {
  readonly url: string;
  readonly sim: ShopifySimulator;
  /** A credential for the simulator; pass values to override (another API version, a wrong token). */
  credential(values?: Record<string, string>, id?: string): ResolvedCredential;
}

/**
 * Starts a Shopify simulator on a free port before the tests of the file (or `describe`), closes
 * it after them, and before each test resets it and forgets the connector's bucket estimates.
 *
 * @example
 * const server = useShopifySimulator({ webhookRetryDelaysMs: [20, 40] });
 * const invoker = createConnectorInvoker([shopifyConnector]);
 */
export function useShopifySimulator(options: StartShopifySimulatorOptions = {}): SimulatorHarness {
  let running: RunningShopifySimulator | undefined;
  const current = (): RunningShopifySimulator => {
    if (!running) throw new Error('the Shopify simulator is only running inside tests and hooks');
    return running;
  };
  beforeAll(async () => {
    running = await startShopifySimulator({ port: 0, ...options });
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    current().sim.reset();
    sharedThrottle.clear();
  });
  return {
    get url() {
      return current().url;
    },
    get sim() {
      return current().sim;
    },
    credential: (values = {}, id = 'shopify-sim') => ({
      id,
      type: 'shopify-admin',
      values: {
        shop: current().url,
        accessToken: current().sim.accessToken,
        apiVersion: '2025-01',
        webhookSecret: current().sim.webhookSecret,
        ...values,
      },
      allowedHosts: ['127.0.0.1'],
    }),
  };
}

/**
 * The error a call was expected to fail with, as the ErrorInfo the engine would record. Fails the
 * test when the call succeeds.
 *
 * @example
 * expect(await failure(invoker.invoke(call))).toMatchObject({ kind: 'user', code: 'SHOPIFY_USER_ERROR' });
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
 * const order = objectOf(result.output);
 */
export function objectOf(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected an object');
  return Object.fromEntries(Object.entries(value));
}

/**
 * One request a receiver got, with the status it answered.
 *
 * @example
 * receiver.received[0]?.headers['x-shopify-topic']; // 'orders/create'
 */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: Uint8Array;
  status: number;
}

/**
 * How a receiver answers its n-th request (0-based): a status, or 0 to hang for `hangMs`.
 *
 * @example
 * const respond: Respond = (index) => (index < 2 ? 503 : 200);
 */
export type Respond = (
  index: number,
  request: { headers: IncomingHttpHeaders; body: Uint8Array },
) => number | Promise<number>;

/**
 * A webhook receiver on 127.0.0.1: answers each request as `respond` says (a list of statuses is
 * used in turn, its last one after that) and records what it got.
 *
 * @example
 * const receiver = await startReceiver([503, 503, 200]);
 * sim.subscribe({ topic: 'orders/create', address: receiver.url });
 */
export async function startReceiver(
  respond: readonly number[] | Respond,
  hangMs = 1000,
): Promise<{ url: string; received: ReceivedRequest[]; close(): Promise<void> }> {
  const answer: Respond = Array.isArray(respond)
    ? (index) => respond[Math.min(index, respond.length - 1)] ?? 200
    : typeof respond === 'function'
      ? respond
      : () => 200;
  const received: ReceivedRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = new Uint8Array(Buffer.concat(chunks));
      const index = received.length;
      const entry: ReceivedRequest = { headers: request.headers, body, status: 0 };
      received.push(entry);
      entry.status = await answer(index, { headers: request.headers, body });
      if (entry.status === 0) {
        const timer = setTimeout(() => response.writeHead(200).end(), hangMs);
        timers.add(timer);
        return;
      }
      response
        .writeHead(entry.status, { 'content-type': 'text/plain' })
        .end(entry.status < 300 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/shopify`,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Node's request headers as a fetch `Headers`, as webhook intake hands them to a trigger.
 *
 * @example
 * const headers = headersOf(received.headers);
 */
export function headersOf(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
