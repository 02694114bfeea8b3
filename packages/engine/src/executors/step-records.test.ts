import { WaybillError } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock.js';
import { createEngine } from '../engine.js';
import type { DocumentPort, SequencePort, StepDocument } from '../ports.js';
import { chain, createFakeInvoker, testCatalog, upstream503 } from '../testing/test-kit.js';

/** Counters that remember which key took which number, as the store's do. */
function recordingSequences() {
  const keys: string[] = [];
  const byKey = new Map<string, number>();
  let last = 0;
  const port: SequencePort = {
    async next(scope, key) {
      keys.push(`${scope}|${key}`);
      const known = byKey.get(key);
      if (known !== undefined) return known;
      last += 1;
      byKey.set(key, last);
      return last;
    },
  };
  return { port, keys };
}

function recordingDocuments() {
  const documents: StepDocument[] = [];
  const port: DocumentPort = {
    async record(document) {
      documents.push(document);
      return { id: `doc_${documents.length}` };
    },
    acknowledge: async () => 0,
  };
  return { port, documents };
}

describe('counters and documents of connector steps', () => {
  it('gives a retried step the control numbers its first attempt took, and tags its documents with the step', async () => {
    const sequences = recordingSequences();
    const documents = recordingDocuments();
    const invoker = createFakeInvoker();
    const seen: unknown[] = [];
    invoker.behave('build', async (call) => {
      const first = await call.sequences?.next('edi:acme:interchange');
      const second = await call.sequences?.next('edi:acme:interchange');
      seen.push([call.attempt, first, second]);
      await call.documents?.record({
        direction: 'outbound',
        fileName: 'a.x12',
        contentType: 'application/edi-x12',
        content: new Uint8Array([1]),
      });
      // The first attempt dies after taking its numbers, as a worker losing its connection would.
      if (call.attempt === 1) throw new WaybillError(upstream503());
      return { output: { first, second } };
    });
    const engine = createEngine({
      catalog: testCatalog,
      clock: createFakeClock(Date.parse('2026-03-01T08:00:00Z')),
      invoker,
      sequences: sequences.port,
      documents: documents.port,
      maxInlineWaitMs: 60_000,
    });
    const revision = chain([
      { id: 'build', type: 'test.createOrder', config: {}, retry: { maxAttempts: 3, initialMs: 10 } },
    ]);
    const record = await engine.run({ executionId: 'ex_1', revision, trigger: {} });
    expect(record.status).toBe('succeeded');
    expect(record.steps[0]?.output).toEqual({ first: 1, second: 2 });
    expect(seen).toEqual([
      [1, 1, 2],
      [2, 1, 2],
    ]);
    // A replay reuses the original execution's keys, so it sends the same control numbers.
    const again = await engine.run({ executionId: 'ex_2', revision, trigger: {}, idempotencyBase: 'ex_1' });
    expect(again.steps[0]?.output).toEqual({ first: 1, second: 2 });
    expect(sequences.keys[0]).toBe('edi:acme:interchange|ex_1:build#0');
    expect(sequences.keys[1]).toBe('edi:acme:interchange|ex_1:build#1');
    // Each attempt records at ordinal 0 of the step, which the store keeps once.
    expect(documents.documents.map((d) => [d.executionId, d.nodeId, d.stepKey, d.ordinal])).toEqual([
      ['ex_1', 'build', 'build', 0],
      ['ex_1', 'build', 'build', 0],
      ['ex_2', 'build', 'build', 0],
      ['ex_2', 'build', 'build', 0],
    ]);
  });

  it('keeps a detached test run away from the store-backed counters and documents', async () => {
    const sequences = recordingSequences();
    const documents = recordingDocuments();
    const invoker = createFakeInvoker();
    invoker.behave('build', async (call) => ({
      output: { hasStore: call.sequences !== undefined || call.documents !== undefined },
    }));
    const engine = createEngine({
      catalog: testCatalog,
      invoker,
      sequences: sequences.port,
      documents: documents.port,
    });
    const revision = chain([{ id: 'build', type: 'test.createOrder', config: {} }]);
    const test = await engine.run({ executionId: 'test_1', revision, trigger: {}, detached: true });
    expect(test.steps[0]?.output).toEqual({ hasStore: false });
    const real = await engine.run({ executionId: 'ex_3', revision, trigger: {} });
    expect(real.steps[0]?.output).toEqual({ hasStore: true });
  });
});
