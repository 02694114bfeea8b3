import { describe, expect, it } from 'vitest';
import { order, orderIntakeFlow } from './testing/fixture-flows.js';
import { createTestRuntime } from './testing/test-runtime.js';

describe('dashboard figures', () => {
  it('counts executions per status and hour, the queue, and the slowest nodes', async () => {
    const t = await createTestRuntime('sqlite');
    try {
      const flow = orderIntakeFlow({ id: 'counted' });
      await t.call('POST', '/api/flows', { id: flow.id, name: flow.name, definition: flow });
      await t.call('POST', '/api/flows/counted/deployments', { revision: 1 });
      const ok = await t.call('POST', '/hooks/counted', order('PO-S1'), { 'x-delivery-id': 's1' });
      const bad = await t.call(
        'POST',
        '/hooks/counted',
        { po: 'PO-S2', lines: [] },
        { 'x-delivery-id': 's2' },
      );
      await t.waitForExecution(ok.body.executionId);
      await t.waitForExecution(bad.body.executionId);
      const stats = await t.call('GET', '/api/stats?hours=1');
      expect(stats.status).toBe(200);
      const totals = stats.body.buckets.reduce(
        (sum: Record<string, number>, bucket: { counts: Record<string, number> }) => {
          for (const [status, n] of Object.entries(bucket.counts)) sum[status] = (sum[status] ?? 0) + n;
          return sum;
        },
        {},
      );
      expect(totals).toEqual({ succeeded: 1, failed: 1 });
      expect(stats.body.queue).toMatchObject({ ready: 0, running: 0 });
      expect(stats.body.slowestNodes.map((n: { nodeId: string }) => n.nodeId).sort()).toEqual([
        'check',
        'map',
        'reply',
      ]);
      expect((await t.call('GET', '/api/stats?hours=0')).status).toBe(400);
    } finally {
      await t.close();
    }
  });
});
