import { userError } from '@waybill/connector-kit';
import type { DispatchRequest, ExecutionDispatcher } from '@waybill/engine';
import type { Store } from '@waybill/store';
import type { OutboxRelay } from './outbox-relay.js';

/**
 * Starts child executions for core.fanOut: each chunk becomes a delivery to the deployed revision
 * of the target flow, keyed by its dedupe key, so a chunk started before (the parent retried or was
 * replayed) is found rather than started again.
 *
 * @example
 * const engine = createEngine({ catalog, dispatcher: createExecutionDispatcher({ store, relay }) });
 */
export function createExecutionDispatcher(options: {
  store: Store;
  relay: OutboxRelay;
}): ExecutionDispatcher {
  const { store, relay } = options;
  return {
    async dispatch(requests: DispatchRequest[]): Promise<string[]> {
      const revisions = new Map<string, string>();
      for (const flowId of new Set(requests.map((r) => r.flowId))) {
        const deployment = await store.deployments.current(flowId);
        if (!deployment) {
          throw userError({
            code: 'FLOW_NOT_DEPLOYED',
            message: `Flow "${flowId}" has no deployed revision, so no records were handed to it; deploy it and retry.`,
          });
        }
        revisions.set(flowId, deployment.revisionHash);
      }
      const accepted = await Promise.all(
        requests.map((request) =>
          store.intake.accept({
            flowId: request.flowId,
            revisionHash: revisions.get(request.flowId) ?? '',
            triggerKind: 'batch',
            trigger: request.payload,
            businessKey: request.businessKey ?? null,
            dedupeKey: request.dedupeKey,
          }),
        ),
      );
      await relay.kick();
      return accepted.map((a) => a.executionId);
    },
  };
}
