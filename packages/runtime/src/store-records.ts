import type { DocumentPort, SequencePort } from '@waybill/engine';
import type { Store } from '@waybill/store';

/**
 * The engine's counters and document log, kept in the store: control numbers shared by every
 * worker on the database, interchanges stored with the execution that handled them.
 *
 * @example
 * const engine = createEngine({ catalog, invoker, ...storeRecords(store) });
 */
export function storeRecords(store: Store): { sequences: SequencePort; documents: DocumentPort } {
  return {
    sequences: { next: (scope, key, options) => store.sequences.next(scope, key, options) },
    documents: {
      record: async (document) => {
        const execution = await store.executions.get(document.executionId);
        const meta = await store.documents.record({
          ...document,
          ...(execution ? { flowId: execution.flowId } : {}),
        });
        return { id: meta.id };
      },
      acknowledge: (ack) => store.documents.acknowledge(ack),
    },
  };
}
