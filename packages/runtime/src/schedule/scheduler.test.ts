import { randomBytes } from 'node:crypto';
import { createRevision, type FlowDefinition } from '@waybill/flow';
import { openStore, type Store } from '@waybill/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxRelay } from '../outbox-relay.js';
import type { QueueDriver } from '../queue/queue-driver.js';
import { createRevisionCache } from '../revision-cache.js';
import { createScheduler } from './scheduler.js';

const flow = (config: Record<string, unknown>): FlowDefinition => ({
  schemaVersion: 1,
  id: 'nightly-sync',
  name: 'Nightly catalog sync',
  trigger: { type: 'core.schedule', config: { cron: '*/15 * * * *', ...config } },
  nodes: [{ id: 'noop', type: 'core.transform', config: { expression: '$' } }],
  edges: [{ from: 'trigger', to: 'noop' }],
});

// The scheduler only writes to the store; publishing is the relay's job and is not under test.
const nullQueue: QueueDriver = {
  kind: 'embedded',
  publish: async () => {},
  consume: () => ({ active: 0, stop: async () => {} }),
  depth: async () => ({ ready: 0, delayed: 0, active: 0 }),
  ready: async () => {},
  close: async () => {},
};

describe('scheduler', () => {
  let store: Store;
  let clock = Date.parse('2026-06-01T10:00:00Z');
  const make = () => {
    const relay = createOutboxRelay({ store, queue: nullQueue });
    return createScheduler({ store, revisions: createRevisionCache(store), relay, now: () => clock });
  };
  const deploy = async (definition: FlowDefinition) => {
    const revision = createRevision(definition);
    if (!(await store.flows.get(definition.id)))
      await store.flows.create({ id: definition.id, name: definition.name });
    await store.revisions.save(definition.id, revision.definition, revision.hash);
    await store.deployments.deploy(definition.id, revision.hash);
  };
  const runs = async () => (await store.executions.list({ flowId: 'nightly-sync' }, { limit: 500 })).items;

  beforeEach(async () => {
    clock = Date.parse('2026-06-01T10:00:00Z');
    store = await openStore({ sqlitePath: ':memory:', secretKey: randomBytes(32) });
  });
  afterEach(() => store.close());

  it('starts from the present on first sight, then starts each run as it comes due', async () => {
    await deploy(flow({}));
    const scheduler = make();
    expect(await scheduler.tick()).toBe(0);
    clock = Date.parse('2026-06-01T10:14:59Z');
    expect(await scheduler.tick()).toBe(0);
    clock = Date.parse('2026-06-01T10:15:01Z');
    expect(await scheduler.tick()).toBe(1);
    expect(await scheduler.tick()).toBe(0);
    const [run] = await runs();
    expect(run).toMatchObject({
      triggerKind: 'schedule',
      businessKey: '2026-06-01T10:15:00.000Z',
      status: 'queued',
    });
    expect(run?.trigger).toMatchObject({ scheduledAt: '2026-06-01T10:15:00.000Z', payload: {} });
  });

  it('makes one execution per slot even when two schedulers fire it', async () => {
    await deploy(flow({}));
    const a = make();
    const b = make();
    await a.tick();
    clock = Date.parse('2026-06-01T10:15:00Z');
    await Promise.all([a.tick(), b.tick()]);
    await store.cursors.set('nightly-sync:schedule', { lastAt: '2026-06-01T10:00:00.000Z' });
    await b.tick();
    expect(await runs()).toHaveLength(1);
  });

  it('does not start a run while the previous one is still going, unless overlap is allowed', async () => {
    await deploy(flow({}));
    const scheduler = make();
    await scheduler.tick();
    clock = Date.parse('2026-06-01T10:15:00Z');
    await scheduler.tick();
    clock = Date.parse('2026-06-01T10:30:00Z');
    expect(await scheduler.tick()).toBe(0);
    await deploy(flow({ allowOverlap: true }));
    clock = Date.parse('2026-06-01T10:45:00Z');
    expect(await scheduler.tick()).toBe(1);
  });

  it('after downtime follows the missed-run policy and keeps its cursor across redeploys', async () => {
    await deploy(flow({ missedRuns: 'runAll' }));
    const scheduler = make();
    await scheduler.tick();
    clock = Date.parse('2026-06-01T11:10:00Z'); // 10:15, 10:30, 10:45 and 11:00 were missed
    await deploy(flow({ missedRuns: 'runAll', allowOverlap: true }));
    expect(await scheduler.tick()).toBe(4);
    clock = Date.parse('2026-06-01T12:20:00Z');
    await deploy(flow({ missedRuns: 'skip', allowOverlap: true }));
    expect(await scheduler.tick()).toBe(0);
    clock = Date.parse('2026-06-01T12:30:10Z');
    expect(await scheduler.tick()).toBe(1);
    expect((await runs()).map((r) => r.businessKey).sort()).toEqual([
      '2026-06-01T10:15:00.000Z',
      '2026-06-01T10:30:00.000Z',
      '2026-06-01T10:45:00.000Z',
      '2026-06-01T11:00:00.000Z',
      '2026-06-01T12:30:00.000Z',
    ]);
  });
});
