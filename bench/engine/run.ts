import { cpus } from 'node:os';
import { createEngine, createIsolatePool, defaultExpressionLimits } from '@waybill/engine';
import { coreNodeManifests, coreTriggerManifests, createCatalog } from '@waybill/flow';
import AjvModule from 'ajv';
import jsonata from 'jsonata';
import {
  ORDER_MAPPING,
  ORDER_SCHEMA,
  orderFlow,
  PACK_CODE,
  PACK_EXPRESSION,
  ROUTE_CONDITION,
  SUMMARY_EXPRESSION,
  sampleOrder,
} from './order-flow.js';

/**
 * Engine benchmark: executions per second of a 5-node order flow in process on one core, the
 * engine's own cost per node (time not spent inside JSONata, ajv or the sandbox), what a code node
 * adds, and what caching compiled JSONata saves. Prints figures; asserts nothing.
 */

const Ajv = AjvModule.default;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const catalog = createCatalog({ nodes: coreNodeManifests, triggers: coreTriggerManifests });
const orders = Array.from({ length: 100 }, (_, i) => sampleOrder(i));

/** Calls fn repeatedly for about `seconds` after a warm-up and returns the mean microseconds per call. */
async function measure(
  fn: (i: number) => Promise<unknown> | unknown,
  seconds = SECONDS,
): Promise<{ perCallUs: number; perSecond: number }> {
  for (let i = 0; i < 500; i++) await fn(i);
  let calls = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (let j = 0; j < 50; j++) await fn(calls++);
  }
  const elapsed = performance.now() - started;
  return { perCallUs: (elapsed * 1000) / calls, perSecond: (calls * 1000) / elapsed };
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Waybill engine benchmark · Node ${process.version} · ${cpus().length} × ${cpu}`);
  console.log(`Each figure runs about ${SECONDS} s on one core after a warm-up.\n`);

  const sandbox = createIsolatePool();
  const engine = createEngine({ catalog, sandbox, maxInlineWaitMs: Number.POSITIVE_INFINITY });
  const plain = orderFlow({ code: false });
  const withCode = orderFlow({ code: true });

  let id = 0;
  const runFlow = (revision: typeof plain) => async (i: number) => {
    const record = await engine.run({
      executionId: `bench_${id++}`,
      revision,
      trigger: orders[i % orders.length],
    });
    if (record.status !== 'succeeded') throw new Error(`Benchmark flow failed: ${record.error?.message}`);
  };

  // 1. The 5-node flow, end to end through the engine.
  const flowResult = await measure(runFlow(plain));

  // 2. The same work done directly: the five nodes' JSONata and ajv calls plus the business key.
  const options = {
    timeout: defaultExpressionLimits.timeoutMs,
    stack: defaultExpressionLimits.maxDepth,
    sequence: defaultExpressionLimits.maxSequence,
  };
  const map = jsonata(ORDER_MAPPING, options);
  const route = jsonata(ROUTE_CONDITION, options);
  const pack = jsonata(PACK_EXPRESSION, options);
  const summary = jsonata(SUMMARY_EXPRESSION, options);
  const key = jsonata('name', options);
  const validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(ORDER_SCHEMA);
  const direct = await measure(async (i) => {
    const order = orders[i % orders.length];
    await key.evaluate(order);
    const mapped = await map.evaluate(order);
    validate(mapped);
    await route.evaluate(mapped);
    const packed = await pack.evaluate(mapped);
    await summary.evaluate(packed);
  });
  const overheadPerNode = (flowResult.perCallUs - direct.perCallUs) / 5;

  // 3. The flow with a code node in place of the pack transform, and the sandbox call alone.
  const codeResult = await measure(runFlow(withCode));
  const packAlone = await measure(async (i) => pack.evaluate(await map.evaluate(orders[i % orders.length])));
  const mapAlone = await measure(async (i) => map.evaluate(orders[i % orders.length]));
  const sandboxCall = await measure(async (i) =>
    sandbox.run({
      code: PACK_CODE,
      input: await map.evaluate(orders[i % orders.length]),
      timeoutMs: 1000,
      memoryMb: 64,
    }),
  );

  // 4. Cached compiled JSONata against compiling on every call.
  const cached = await measure((i) => map.evaluate(orders[i % orders.length]));
  const compiling = await measure((i) => jsonata(ORDER_MAPPING, options).evaluate(orders[i % orders.length]));

  const rows: Array<[string, string, string]> = [
    [
      '5-node flow (transform, validate, branch, transform, transform)',
      `${fmt(flowResult.perSecond, 0)} executions/s`,
      'goal ≥ 1,000/s',
    ],
    ['  mean time per execution', `${fmt(flowResult.perCallUs)} µs`, ''],
    ['  of which inside JSONata and ajv', `${fmt(direct.perCallUs)} µs`, ''],
    ['  engine overhead per node', `${fmt(overheadPerNode)} µs`, 'goal ≤ 50 µs'],
    ['5-node flow with a code node', `${fmt(codeResult.perSecond, 0)} executions/s`, ''],
    [
      '  code node added per execution (vs. transform)',
      `${fmt((codeResult.perCallUs - flowResult.perCallUs + (packAlone.perCallUs - mapAlone.perCallUs)) / 1000, 3)} ms`,
      'goal ≤ 1 ms',
    ],
    [
      '  sandbox call alone (warm pool, fresh context)',
      `${fmt(sandboxCall.perCallUs - mapAlone.perCallUs)} µs`,
      '',
    ],
    ['JSONata order mapping, compiled once', `${fmt(cached.perCallUs)} µs/call`, ''],
    ['JSONata order mapping, compiled per call', `${fmt(compiling.perCallUs)} µs/call`, ''],
    ['  cached speed-up', `${fmt(compiling.perCallUs / cached.perCallUs, 2)}×`, 'goal ≥ 1.8×'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [label, value, goal] of rows)
    console.log(`${label.padEnd(width)}  ${value.padStart(20)}  ${goal}`);

  await engine.close();
  await sandbox.close();
}

await main();
