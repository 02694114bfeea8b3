import type { ConnectorRuntime } from '@waybill/connector-kit';
import type { Engine, SecretsPort } from '@waybill/engine';
import type { Store } from '@waybill/store';
import type { OutboxRelay } from '../outbox-relay.js';
import type { RevisionCache } from '../revision-cache.js';

export interface PollerOptions {
  store: Store;
  revisions: RevisionCache;
  relay: OutboxRelay;
  engine: Engine;
  connectors: Pick<ConnectorRuntime, 'pollingTrigger' | 'poll'>;
  secrets: SecretsPort;
  everyMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

interface PollState {
  cursor: unknown;
  lastPolledAt: string;
  /** The last failure, kept for the operator; cleared by the next good poll. */
  lastError?: string;
}

export const pollCursorKey = (flowId: string) => `${flowId}:poll`;

/**
 * Runs the polling triggers of deployed flows: when a flow's interval has passed, its trigger is
 * asked for what changed since the stored cursor; each item becomes a delivery (deduplicated by
 * the item's key), and only then is the new cursor stored — so a crash mid-poll polls again from
 * the old cursor and the repeats are recognised. The cursor is stored per flow, survives restarts
 * and redeploys, and any number of API servers may poll (repeats dedupe the same way).
 *
 * @example
 * const poller = createPoller({ store, revisions, relay, engine, connectors: invoker, secrets }); poller.start();
 */
export function createPoller(options: PollerOptions) {
  const { store, revisions, relay, engine, connectors, secrets } = options;
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<number> | undefined;

  const pollFlow = async (flowId: string, revisionHash: string): Promise<number> => {
    const revision = await revisions.get(flowId, revisionHash);
    const trigger = revision?.definition.trigger;
    const polling = trigger ? connectors.pollingTrigger(trigger.type) : undefined;
    if (!revision || !trigger || !polling) return 0;
    const key = pollCursorKey(flowId);
    const state = (await store.cursors.get(key)) as PollState | undefined;
    const interval = (Number(trigger.config.intervalSeconds) || polling.defaultIntervalSeconds) * 1000;
    if (state && now() - Date.parse(state.lastPolledAt) < interval) return 0;

    const polledAt = new Date(now()).toISOString();
    try {
      const credential = trigger.credential
        ? await secrets.resolve(trigger.credential, { executionId: `poll:${flowId}`, nodeId: 'trigger' })
        : undefined;
      const result = await connectors.poll({
        type: trigger.type,
        config: trigger.config,
        ...(credential ? { credential } : {}),
        cursor: state?.cursor,
        signal: AbortSignal.timeout(Math.max(interval, 30_000)),
        log: () => {},
      });
      const accepted = await Promise.all(
        result.items.map(async (item) =>
          store.intake.accept({
            flowId,
            revisionHash,
            triggerKind: 'poll',
            trigger: item.payload,
            businessKey: (await engine.businessKey(revision, item.payload)) ?? null,
            dedupeKey: item.dedupeKey,
          }),
        ),
      );
      await store.cursors.set(key, { cursor: result.cursor, lastPolledAt: polledAt } satisfies PollState);
      return accepted.filter((a) => !a.duplicateOf).length;
    } catch (error) {
      // Keep the old cursor; wait a full interval before trying again rather than hammering a failing system.
      await store.cursors.set(key, {
        cursor: state?.cursor,
        lastPolledAt: polledAt,
        lastError: (error as Error).message,
      } satisfies PollState);
      options.onError?.(error);
      return 0;
    }
  };

  /** Polls every deployed flow that is due; returns how many executions it started. */
  const tick = async (): Promise<number> => {
    if (ticking) return ticking;
    ticking = (async () => {
      try {
        let started = 0;
        for (const flow of await store.flows.list()) {
          if (flow.deployedRevision) started += await pollFlow(flow.id, flow.deployedRevision);
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
