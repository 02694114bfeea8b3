import { Value } from '@sinclair/typebox/value';
import { type ScheduleTriggerConfig, ScheduleTriggerConfigSchema } from '@waybill/flow';
import type { Store } from '@waybill/store';
import type { OutboxRelay } from '../outbox-relay.js';
import type { RevisionCache } from '../revision-cache.js';
import { dueRuns } from './due-runs.js';

export interface SchedulerOptions {
  store: Store;
  revisions: RevisionCache;
  relay: OutboxRelay;
  everyMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

interface ScheduleCursor {
  /** The newest scheduled time already considered (fired, skipped or folded). */
  lastAt: string;
}

export const scheduleCursorKey = (flowId: string) => `${flowId}:schedule`;

/**
 * Starts the runs of deployed flows with a schedule trigger. Any number of API servers may run a
 * scheduler: each scheduled time becomes a delivery whose dedupe key is that time, so two
 * schedulers firing the same slot still make one execution. The cursor (newest time considered)
 * is stored per flow and survives restarts and redeploys; on first sight of a schedule it starts
 * at the present, so deploying never replays the past.
 *
 * @example
 * const scheduler = createScheduler({ store, revisions, relay }); scheduler.start();
 */
export function createScheduler(options: SchedulerOptions) {
  const { store, revisions, relay } = options;
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<number> | undefined;

  const tickFlow = async (flowId: string, revisionHash: string): Promise<number> => {
    const revision = await revisions.get(flowId, revisionHash);
    const trigger = revision?.definition.trigger;
    if (
      !revision ||
      trigger?.type !== 'core.schedule' ||
      !Value.Check(ScheduleTriggerConfigSchema, trigger.config)
    )
      return 0;
    const config: ScheduleTriggerConfig = trigger.config;
    const at = new Date(now());
    const key = scheduleCursorKey(flowId);
    const cursor = (await store.cursors.get(key)) as ScheduleCursor | undefined;
    if (!cursor) {
      await store.cursors.set(key, { lastAt: at.toISOString() } satisfies ScheduleCursor);
      return 0;
    }
    const plan = dueRuns(
      { cron: config.cron, timezone: config.timezone ?? 'UTC', policy: config.missedRuns ?? 'runOnce' },
      new Date(cursor.lastAt),
      at,
    );
    if (plan.fire.length === 0 && plan.missed === 0) return 0;
    let started = 0;
    for (const scheduledAt of plan.fire) {
      if (!config.allowOverlap && (await hasActiveRun(store, flowId))) break;
      const slot = scheduledAt.toISOString();
      const accepted = await store.intake.accept({
        flowId,
        revisionHash,
        triggerKind: 'schedule',
        trigger: {
          scheduledAt: slot,
          firedAt: at.toISOString(),
          missed: plan.missed,
          payload: config.payload ?? {},
        },
        businessKey: slot,
        dedupeKey: `schedule:${slot}`,
      });
      if (!accepted.duplicateOf) started += 1;
    }
    await store.cursors.set(key, { lastAt: plan.cursor.toISOString() } satisfies ScheduleCursor);
    return started;
  };

  /** Looks at every deployed flow once; returns how many runs it started. */
  const tick = async (): Promise<number> => {
    if (ticking) return ticking;
    ticking = (async () => {
      let started = 0;
      try {
        for (const flow of await store.flows.list()) {
          if (!flow.deployedRevision) continue;
          try {
            started += await tickFlow(flow.id, flow.deployedRevision);
          } catch (error) {
            options.onError?.(error);
          }
        }
        if (started > 0) await relay.kick();
        return started;
      } finally {
        ticking = undefined;
      }
    })();
    return ticking;
  };

  return {
    tick,
    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((error) => options.onError?.(error));
      }, options.everyMs ?? 1000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

async function hasActiveRun(store: Store, flowId: string): Promise<boolean> {
  const page = await store.executions.list(
    { flowId, status: ['queued', 'running', 'waiting'] },
    { limit: 1 },
  );
  return page.items.length > 0;
}
