import type { FlowDefinition } from '@waybill/flow';

/** An autosaved draft of unsaved changes. */
export interface Draft {
  savedAt: string;
  definition: FlowDefinition;
}

export const draftKey = (flowId: string) => `waybill.draft.${flowId}`;
export const sampleKey = (flowId: string) => `waybill.sample.${flowId}`;
export const CLIPBOARD_KEY = 'waybill.clipboard';

/**
 * Reads a JSON value from localStorage; a missing, unreadable or blocked entry gives undefined.
 *
 * @example
 * const draft = readLocal<Draft>(draftKey('orders'));
 */
export function readLocal<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/**
 * Writes (or with `undefined`, removes) a JSON value in localStorage; a full or blocked storage is
 * ignored, since drafts and samples are conveniences.
 *
 * @example
 * writeLocal(sampleKey('orders'), { body: { id: 1 } });
 */
export function writeLocal(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the browser refused to store it.
  }
}
