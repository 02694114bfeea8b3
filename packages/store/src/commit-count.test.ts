import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import type { Store } from './store-types.js';
import { executionRecord, newExecution, sampleSteps } from './testing/fixtures.js';

describe('commits on SQLite', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ sqlitePath: ':memory:', secretKey: randomBytes(32) });
  });
  afterEach(() => store.close());

  const commitsDuring = async (work: () => Promise<unknown>) => {
    const before = store.commitCount() ?? Number.NaN;
    await work();
    return (store.commitCount() ?? Number.NaN) - before;
  };

  it('costs one commit per checkpoint and one for the end of the execution', async () => {
    const execution = await store.executions.create(newExecution('orders'));
    const [first, second, ...rest] = sampleSteps();
    expect(await commitsDuring(() => store.executions.checkpoint(execution.id, [first!, second!]))).toBe(1);
    expect(
      await commitsDuring(() =>
        store.executions.finish(
          execution.id,
          executionRecord(execution, { steps: [first!, second!, ...rest] }),
        ),
      ),
    ).toBe(1);
  });

  it('writes deliveries that arrive together in one commit', async () => {
    const commits = await commitsDuring(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.intake.accept({ ...newExecution('orders'), dedupeKey: `d-${i}` }),
        ),
      ),
    );
    expect(commits).toBe(1);
    expect((await store.executions.list({ flowId: 'orders' })).items).toHaveLength(20);
  });
});
