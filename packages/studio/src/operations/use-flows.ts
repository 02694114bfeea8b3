import { api } from '../api/client.js';
import type { FlowRow } from '../api/types.js';
import { useAsync } from '../ui/use-async.js';

/** The flows the user may see, for flow filters. */
export function useFlows() {
  return useAsync(() => api<{ items: FlowRow[] }>('GET', '/api/flows'), []);
}
