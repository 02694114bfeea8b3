import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine, type ExecutionRecord } from '@waybill/engine';
import { createRevision, validateFlow } from '@waybill/flow';
import { demoEdiCredentials, loadConnectors, simulatorSecrets, startSimulators } from '@waybill/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareOutcome, listCases, runCase } from './flow-cases.js';
import { loadFlow } from './load-flow.js';

const flowsDir = resolve(import.meta.dirname, '../../../flows');
const { catalog } = loadConnectors();
// Flows whose nodes use a simulator's credential (odoo-sim) run against that simulator, as
// `waybill test` does: each flow gets fresh simulators, so one flow's orders never change another
// flow's expected order numbers. The example EDI flow writes into a temporary demo folder.
async function caseEngine() {
  const simulators = await startSimulators({ preferDefaultPorts: false });
  const ediRoot = await mkdtemp(join(tmpdir(), 'waybill-edi-cases-'));
  const engine = createEngine({
    catalog,
    invoker: loadConnectors().invoker,
    secrets: simulatorSecrets(simulators, demoEdiCredentials(ediRoot)),
    maxInlineWaitMs: Number.POSITIVE_INFINITY,
  });
  return {
    engine,
    async close() {
      await engine.close();
      await Promise.all(simulators.map((simulator) => simulator.close()));
      await rm(ediRoot, { recursive: true, force: true });
    },
  };
}
const flowNames = (await readdir(flowsDir, { withFileTypes: true }))
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe('example flows', () => {
  it('include at least two flows, each with test cases', async () => {
    expect(flowNames.length).toBeGreaterThanOrEqual(2);
    for (const name of flowNames) expect(await listCases(join(flowsDir, name))).not.toHaveLength(0);
  });

  for (const name of flowNames) {
    describe(name, async () => {
      const loaded = await loadFlow(join(flowsDir, name));
      const validation = validateFlow(loaded.definition, catalog);
      let cases: Awaited<ReturnType<typeof caseEngine>>;
      beforeAll(async () => {
        cases = await caseEngine();
      });
      afterAll(() => cases.close());

      it('is a valid flow', () => {
        expect(validation.problems).toEqual([]);
      });

      for (const testCase of await listCases(loaded.dir)) {
        it(`gives the expected outcome for ${testCase}`, async () => {
          if (!validation.ok) throw new Error('invalid flow');
          const result = await runCase(cases.engine, createRevision(validation.flow), loaded.dir, testCase);
          expect(result.mismatches).toEqual([]);
        });
      }
    });
  }
});

describe('compareOutcome', () => {
  const record: ExecutionRecord = {
    executionId: 'e',
    flowId: 'f',
    revisionHash: 'h',
    status: 'failed',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:00.001Z',
    durationMs: 1,
    trigger: {},
    steps: [
      {
        key: 'a',
        nodeId: 'a',
        type: 'core.transform',
        status: 'succeeded',
        input: {},
        output: { n: 1 },
        port: 'out',
        attempts: [],
        effect: 'pure',
        definitionHash: 'x',
      },
    ],
    error: { kind: 'user', code: 'BAD', message: 'It broke.', retryable: false, nodeId: 'b' },
  };

  it('lists each difference as a sentence', () => {
    const mismatches = compareOutcome(
      { status: 'succeeded', path: ['a', 'b'], outputs: { a: { n: 2 }, c: 1 }, error: { code: 'OTHER' } },
      record,
    );
    expect(mismatches).toEqual([
      'The status is failed, expected succeeded (node "b": It broke.).',
      'The path taken was a, expected a → b.',
      'The output of "a" differs.\n      expected {"n":2}\n      actual   {"n":1}',
      'Node "c" did not run, so its output could not be compared.',
      'The error\'s code is "BAD", expected "OTHER".',
    ]);
  });

  it('finds nothing to report when the outcome matches, whatever the key order', () => {
    expect(
      compareOutcome(
        { status: 'failed', path: ['a'], outputs: { a: { n: 1 } }, error: { code: 'BAD', nodeId: 'b' } },
        record,
      ),
    ).toEqual([]);
  });

  it('fails a case whose expected.json disagrees with the flow', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waybill-case-'));
    await cp(join(flowsDir, 'shopify-order-intake'), dir, { recursive: true });
    await writeFile(
      join(dir, 'tests/consistent-order/expected.json'),
      JSON.stringify({ status: 'succeeded', path: ['to_canonical'] }),
    );
    const loaded = await loadFlow(dir);
    const validation = validateFlow(loaded.definition, catalog);
    if (!validation.ok) throw new Error('invalid flow');
    const cases = await caseEngine();
    const result = await runCase(
      cases.engine,
      createRevision(validation.flow),
      dir,
      'consistent-order',
    ).finally(() => cases.close());
    expect(result.passed).toBe(false);
    expect(result.mismatches[0]).toMatch(
      /^The path taken was to_canonical → check → totals → route → release → reply/,
    );
  });
});
