import { serve } from '@hono/node-server';
import {
  createPoller,
  createReaper,
  createScheduler,
  MISSED_HEARTBEATS,
  startWorker,
} from '@waybill/runtime';
import type { Store } from '@waybill/store';
import { createApp } from '../app.js';
import { ensureFirstAdmin, type FirstAdmin } from '../auth/first-admin.js';
import type { WaybillConfig } from './config.js';
import { ensureDemoEdiCredentials } from './demo-edi.js';
import { openRuntime } from './open-runtime.js';
import { type SeededFlow, seedExampleFlows } from './seed-flows.js';
import { type RunningSimulator, startSimulators } from './simulators.js';

export interface RunningServer {
  url: string;
  /** Example flows deployed on this start (only on an empty database). */
  seeded: SeededFlow[];
  /** Simulators serving the demo, each with the credential that reaches it. */
  simulators: Array<{ title: string; url: string; credentialId: string }>;
  /** The admin created on this start (only on a database without users). */
  firstAdmin: FirstAdmin | undefined;
  close(): Promise<void>;
}

/**
 * `waybill start`: the API, the webhook intake, the outbox relay, the reaper, the scheduler and (unless workers
 * run elsewhere) an embedded worker, in one process.
 *
 * @example
 * const server = await startServer(parseConfig(process.env), { embeddedWorker: true });
 * console.log(server.url);
 */
export async function startServer(
  config: WaybillConfig,
  options: { embeddedWorker: boolean; seedDir?: string; simulators?: boolean },
): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  const firstAdmin = await ensureFirstAdmin(runtime.store, {
    email: config.adminEmail,
    bootstrapToken: config.bootstrapToken,
    now: Date.now(),
  });
  const simulators = options.simulators ? await startDemoSimulators(runtime.store) : [];
  if (options.simulators) await ensureDemoEdiCredentials(runtime.store, config.dataDir);
  const seeded = options.seedDir
    ? await seedExampleFlows(runtime.store, runtime.catalog, options.seedDir, (text) => console.warn(text))
    : [];
  const log = (component: string) => (error: unknown) =>
    console.error(JSON.stringify({ level: 'error', component, message: (error as Error).message }));
  runtime.relay.start();
  const reaper = createReaper({
    store: runtime.store,
    relay: runtime.relay,
    queue: runtime.queue,
    staleAfterMs: config.heartbeatMs * MISSED_HEARTBEATS,
    onError: log('reaper'),
  });
  reaper.start();
  const scheduler = createScheduler({
    store: runtime.store,
    revisions: runtime.revisions,
    relay: runtime.relay,
    onError: log('scheduler'),
  });
  scheduler.start();
  const poller = createPoller({
    store: runtime.store,
    revisions: runtime.revisions,
    relay: runtime.relay,
    engine: runtime.engine,
    connectors: runtime.invoker,
    secrets: runtime.secrets,
    onError: log('poller'),
  });
  poller.start();
  const worker = options.embeddedWorker
    ? startWorker({
        ...runtime,
        observer: runtime.metrics.observer,
        limiter: runtime.limiter,
        concurrency: config.workerConcurrency,
        heartbeatMs: config.heartbeatMs,
        onError: log('worker'),
      })
    : undefined;
  const { app } = createApp(runtime, config.studioDir ? { studioDir: config.studioDir } : {});
  // Whatever was committed but not published before a restart goes out now.
  await runtime.relay.sweep();

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(instance),
    );
    instance.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  await subscribeDemoStore(simulators, `http://127.0.0.1:${port}`, log('demo-shopify'));
  return {
    url: `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`,
    seeded,
    firstAdmin,
    simulators: simulators.map((simulator) => ({
      title: simulator.title,
      url: simulator.url,
      credentialId: simulator.credential.id,
    })),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(simulators.map((simulator) => simulator.close()));
      reaper.stop();
      scheduler.stop();
      poller.stop();
      await worker?.stop(config.shutdownGraceSeconds * 1000);
      await runtime.close();
    },
  };
}

/**
 * Serves the simulators for the demo and points their credentials at them (created on the first
 * start, moved to the new address on later ones), so the example flows reach them.
 */
async function startDemoSimulators(store: Store): Promise<RunningSimulator[]> {
  const simulators = await startSimulators({ preferDefaultPorts: true });
  for (const simulator of simulators) {
    const { id, type, values, allowedHosts } = simulator.credential;
    const hosts = [...(allowedHosts ?? [])];
    const existing = await store.credentials.get(id);
    if (existing) await store.credentials.update(id, { values, allowedHosts: hosts });
    else
      await store.credentials.create({
        id,
        type,
        name: `${simulator.title} simulator`,
        values,
        allowedHosts: hosts,
      });
  }
  return simulators;
}

/**
 * Points the Shopify simulator's orders/create webhook at the example flow that takes signed
 * store orders, so an order placed in the simulator (`POST <simulator>/__sim/orders`) arrives
 * signed, as from a real store. Through the control route, because the simulator is reached
 * over HTTP like any store.
 */
async function subscribeDemoStore(
  simulators: readonly RunningSimulator[],
  waybillUrl: string,
  onError: (error: unknown) => void,
): Promise<void> {
  const shopify = simulators.find((simulator) => simulator.id === 'shopify');
  if (!shopify) return;
  await fetch(`${shopify.url}/__sim/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ topic: 'orders/create', address: `${waybillUrl}/hooks/shopify-store-to-odoo` }),
  }).catch(onError);
}
