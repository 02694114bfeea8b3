import type { FlowDefinition } from '@waybill/flow';
import { useEffect, useState } from 'react';
import type { EditorStore } from './editor-store.js';
import { type Draft, draftKey, readLocal, writeLocal } from './local-store.js';

const DEBOUNCE_MS = 800;

/**
 * Autosaves unsaved changes to localStorage (debounced) and, on opening, offers a draft newer than
 * the latest saved version.
 *
 * @example
 * const { offer, restore, discard } = useDraft(store, flowId, latest?.createdAt);
 */
export function useDraft(store: EditorStore, flowId: string, savedAt: string | undefined) {
  const [offer, setOffer] = useState<Draft | undefined>(() => {
    const draft = readLocal<Draft>(draftKey(flowId));
    if (!draft?.definition || !draft.savedAt) return undefined;
    if (savedAt && Date.parse(draft.savedAt) <= Date.parse(savedAt)) return undefined;
    return JSON.stringify(draft.definition) === JSON.stringify(store.getState().saved) ? undefined : draft;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.readOnly) return;
      // Undone back to what is saved: the draft would only offer the saved flow again.
      if (!state.dirty && previous.dirty) {
        clearTimeout(timer);
        writeLocal(draftKey(flowId), undefined);
        return;
      }
      if (state.flow === previous.flow || !state.dirty) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = store.getState();
        if (now.dirty && !now.readOnly)
          writeLocal(draftKey(flowId), { savedAt: new Date().toISOString(), definition: now.flow });
      }, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, flowId]);

  const restore = () => {
    if (!offer) return;
    const saved: FlowDefinition = store.getState().saved;
    store.getState().load(offer.definition, { saved });
    setOffer(undefined);
  };
  const discard = () => {
    writeLocal(draftKey(flowId), undefined);
    setOffer(undefined);
  };
  return { offer, restore, discard };
}
