import { createHmac, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { type Backend, startWaybill } from '../support/waybill-server.js';

/**
 * Webhook intake benchmark: `waybill start` (no worker, so only intake is measured) in its own
 * process; autocannon in this one sends signed, uniquely keyed order webhooks. Each request is a
 * signature check over the raw body, a dedupe lookup and a durable write (delivery + execution +
 * outbox) before the 202. Prints requests/s and latency; asserts nothing.
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECRET = 'whsec_bench_secret';

const flow = {
  schemaVersion: 1,
  id: 'bench-intake',
  name: 'Bench intake',
  trigger: {
    type: 'core.webhook',
    config: {
      signature: { header: 'x-signature', algorithm: 'hmac-sha256', encoding: 'hex', prefix: 'sha256=' },
    },
    credential: 'bench-secret',
    dedupe: "headers.'x-delivery-id'",
    businessKey: 'body.name',
  },
  nodes: [{ id: 'map', type: 'core.transform', config: { expression: '{ "number": body.name }' } }],
  edges: [{ from: 'trigger', to: 'map' }],
};

function orderBody(i: number): string {
  return JSON.stringify({
    id: 450789469 + i,
    name: `#${1000 + i}`,
    currency: 'USD',
    total_price: '409.94',
    customer: { email: 'bob.norman@hostmail.com', first_name: 'Bob', last_name: 'Norman' },
    line_items: [
      { sku: 'IPOD2008GREEN', quantity: 1, price: '199.00' },
      { sku: 'IPOD2008RED', quantity: 1, price: '199.00' },
    ],
  });
}

async function measure(backend: Backend) {
  const server = await startWaybill(backend, { worker: false });
  try {
    await server.api('POST', '/api/credentials', {
      id: 'bench-secret',
      type: 'webhook-secret',
      name: 'Bench',
      values: { secret: SECRET },
    });
    await server.api('POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow });
    await server.api('POST', `/api/flows/${flow.id}/deployments`, { revision: 1 });
    let n = 0;
    const result = await autocannon({
      url: `${server.url}/hooks/${flow.id}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const body = orderBody(n++);
            const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
            return {
              ...request,
              body,
              headers: {
                'content-type': 'application/json',
                'x-delivery-id': randomUUID(),
                'x-signature': signature,
              },
            };
          },
        },
      ],
    });
    const executions = (await server.api('GET', `/api/executions?flowId=${flow.id}&limit=1`)) as {
      items: unknown[];
    };
    return { backend, result, stored: executions.items.length > 0 };
  } finally {
    await server.stop();
  }
}

const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as Backend[];
console.log(
  `Waybill intake benchmark · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
);
console.log(
  `${CONNECTIONS} connections for ${SECONDS} s per backend; server and load generator share the machine.\n`,
);
for (const backend of backends) {
  const { result } = await measure(backend);
  const non2xx = result.non2xx + result.errors;
  console.log(
    `${backend === 'sqlite' ? 'SQLite + embedded queue' : 'PostgreSQL + BullMQ'}: ${Math.round(result.requests.average).toLocaleString('en-US')} requests/s · latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms · ${result.requests.total.toLocaleString('en-US')} accepted · ${non2xx} errors or non-2xx (goal ≥ 3,000/s)`,
  );
}
