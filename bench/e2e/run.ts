import { once } from 'node:events';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import pg from 'pg';
import { type Backend, startWaybill } from '../support/waybill-server.js';

/**
 * End-to-end benchmark: `waybill start` (API + embedded worker) in its own process runs a 5-node
 * flow — transform, validate, branch, an HTTP call to a loopback stub, transform — for every
 * webhook this process sends. First the peak rate (a burst, until every execution has finished),
 * then the latency from intake to finished at 80% of that rate, the database commits per
 * execution and the server's peak memory. Prints figures; asserts nothing.
 */

const BURST = Number(process.env.BENCH_BURST ?? 4000);
const STEADY_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function startStub() {
  let calls = 0;
  const server = createServer((req, res) => {
    calls += 1;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"reserved":true}'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const flow = (stubUrl: string) => ({
  schemaVersion: 1,
  id: 'bench-e2e',
  name: 'Bench end to end',
  trigger: { type: 'core.webhook', config: {}, dedupe: "headers.'x-delivery-id'", businessKey: 'body.name' },
  nodes: [
    {
      id: 'map',
      type: 'core.transform',
      config: {
        expression:
          '{ "number": body.name, "lines": body.line_items.{ "sku": sku, "qty": quantity }, "total": $number(body.total_price) }',
      },
    },
    {
      id: 'check',
      type: 'core.validate',
      config: { schema: { type: 'object', required: ['number', 'lines'] } },
    },
    { id: 'route', type: 'core.branch', config: { cases: [{ port: 'large', condition: 'total > 1000' }] } },
    {
      id: 'reserve',
      type: 'http.request',
      credential: 'stub',
      config: { method: 'POST', url: `${stubUrl}/reserve` },
    },
    {
      id: 'summary',
      type: 'core.transform',
      config: { expression: '{ "status": status, "reserved": body.reserved }' },
    },
  ],
  edges: [
    { from: 'trigger', to: 'map' },
    { from: 'map', to: 'check' },
    { from: 'check.valid', to: 'route' },
    { from: 'route.default', to: 'reserve' },
    { from: 'route.large', to: 'reserve' },
    { from: 'reserve', to: 'summary' },
  ],
});

const order = (name: string) =>
  JSON.stringify({
    name,
    total_price: '409.94',
    line_items: [
      { sku: 'IPOD2008GREEN', quantity: 1 },
      { sku: 'IPOD2008RED', quantity: 2 },
    ],
  });

type Server = Awaited<ReturnType<typeof startWaybill>>;

async function countSucceeded(server: Server): Promise<number> {
  const text = await server.metrics();
  return Number(/waybill_executions\{status="succeeded"\} (\d+)/.exec(text)?.[1] ?? 0);
}

async function commits(server: Awaited<ReturnType<typeof startWaybill>>): Promise<number> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    const name = new URL(server.databaseUrl).pathname.slice(1);
    const { rows } = await client.query(
      'select xact_commit::int as n from pg_stat_database where datname = $1',
      [name],
    );
    await client.end();
    return Number(rows[0]?.n ?? 0);
  }
  const text = await server.metrics();
  return Number(/waybill_store_commits_total (\d+)/.exec(text)?.[1] ?? 0);
}

function send(base: string, name: string) {
  return fetch(`${base}/hooks/bench-e2e`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-delivery-id': name },
    body: order(name),
  }).then(async (res) => {
    if (res.status !== 202) throw new Error(`Intake answered ${res.status}: ${await res.text()}`);
  });
}

async function waitForSucceeded(server: Server, total: number, timeoutMs = 300_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if ((await countSucceeded(server)) >= total) return performance.now();
    if (Date.now() > until)
      throw new Error(`Only ${await countSucceeded(server)} of ${total} executions succeeded in time.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function measure(backend: Backend) {
  const stub = await startStub();
  const server = await startWaybill(backend, { worker: true, concurrency: 32 });
  try {
    await server.api('POST', '/api/credentials', {
      id: 'stub',
      type: 'http-none',
      name: 'Stub',
      values: {},
      allowedHosts: ['127.0.0.1'],
    });
    const definition = flow(stub.url);
    await server.api('POST', '/api/flows', { id: definition.id, name: definition.name, definition });
    await server.api('POST', `/api/flows/${definition.id}/deployments`, { revision: 1 });
    // Warm up the engine, the statement caches and the connection pools.
    await Promise.all(Array.from({ length: 200 }, (_, i) => send(server.url, `warm-${i}`)));
    await waitForSucceeded(server, 200);

    // 1. Peak rate: a burst from 32 senders, timed until the last execution has finished.
    const commitsBefore = await commits(server);
    const cpuBefore = await server.cpuMs();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < BURST) await send(server.url, `burst-${next++}`);
      }),
    );
    const finished = await waitForSucceeded(server, 200 + BURST);
    const peakRate = (BURST * 1000) / (finished - started);
    const commitsPerExecution = ((await commits(server)) - commitsBefore) / BURST;
    const cpuPerExecutionMs = ((await server.cpuMs()) - cpuBefore) / BURST;

    // 2. Latency at 80% of the peak rate, from the intake commit to the end of the execution.
    const rate = Math.floor(peakRate * 0.8);
    const total = rate * STEADY_SECONDS;
    const sends: Promise<void>[] = [];
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      sends.push(send(server.url, `steady-${i}`));
    }
    await Promise.all(sends);
    await waitForSucceeded(server, 200 + BURST + total);
    const latencies: number[] = [];
    let cursor: string | null = null;
    do {
      const page = (await server.api(
        'GET',
        `/api/executions?flowId=bench-e2e&businessKey=steady-*&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      )) as {
        items: Array<{ queuedAt: string; finishedAt: string }>;
        nextCursor: string | null;
      };
      for (const e of page.items) latencies.push(Date.parse(e.finishedAt) - Date.parse(e.queuedAt));
      cursor = page.nextCursor;
    } while (cursor);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
    return {
      backend,
      peakRate,
      rate,
      p50: pct(50),
      p99: pct(99),
      measured: latencies.length,
      commitsPerExecution,
      cpuPerExecutionMs,
      peakMemoryMiB: await server.peakMemoryMiB(),
      stubCalls: stub.calls(),
    };
  } finally {
    await server.stop();
    await stub.close();
  }
}

const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as Backend[];
console.log(
  `Waybill end-to-end benchmark · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
);
console.log(
  `5-node flow with an HTTP call to a loopback stub; burst of ${BURST}, then ${STEADY_SECONDS} s at 80% of the peak rate.\n`,
);
for (const backend of backends) {
  const r = await measure(backend);
  const label = backend === 'sqlite' ? 'SQLite + embedded queue' : 'PostgreSQL + BullMQ';
  console.log(`${label}:`);
  console.log(
    `  peak rate               ${Math.round(r.peakRate).toLocaleString('en-US')} executions/s (goal ≥ 500/s)`,
  );
  console.log(
    `  latency at ${r.rate.toLocaleString('en-US')}/s       p50 ${r.p50} ms, p99 ${r.p99} ms over ${r.measured.toLocaleString('en-US')} executions (goal p99 ≤ 100 ms)`,
  );
  console.log(
    `  commits per execution   ${r.commitsPerExecution.toFixed(2)} (everything: intake, queue, claim, checkpoint, finish)`,
  );
  console.log(
    `  server CPU per execution ${r.cpuPerExecutionMs.toFixed(2)} ms (intake included, during the burst)`,
  );
  console.log(`  server peak memory      ${Math.round(r.peakMemoryMiB)} MiB`);
}
