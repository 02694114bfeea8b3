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
      record: async (document) => ({ id: (await store.documents.record(document)).id }),
      acknowledge: (ack) => store.documents.acknowledge(ack),
    },
  };
}
