import { useEffect, useRef, useState } from 'react';
import { api, query } from '../api/client.js';
import type { Page } from '../api/types.js';
import { applyEvent, mergeNewest } from './live-executions.js';
import type { ExecutionSummary } from './types.js';
import { useCursorPages } from './use-cursor-pages.js';
import { useExecutionEvents } from './use-execution-events.js';

const PAGE = 50;
/** Bursts of events (a batch of webhooks) become one refetch. */
const REFRESH_DELAY_MS = 400;

/**
 * The executions matching an API query, paged, and kept current by the event stream: statuses
 * change in place as events arrive; new and finished executions make the newest page be asked
 * again (the server decides what matches the filters) and merged in on top.
 */
export function useLiveExecutions(apiQuery: Record<string, string | string[]>) {
  const key = JSON.stringify(apiQuery);
  const pages = useCursorPages(
    (cursor) =>
      api<Page<ExecutionSummary>>('GET', `/api/executions${query({ ...apiQuery, cursor, limit: PAGE })}`),
    [key],
  );
  const [gap, setGap] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const currentKey = useRef(key);
  currentKey.current = key;

  // A new search starts without the old one's gap notice or pending refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again exactly when the search changes.
  useEffect(() => {
    setGap(false);
    return () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [key]);

  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const asked = key;
      api<Page<ExecutionSummary>>('GET', `/api/executions${query({ ...apiQuery, limit: PAGE })}`).then(
        (page) => {
          // The filters changed while asking: this answer belongs to another search.
          if (asked !== currentKey.current) return;
          pages.setItems((rows) => {
            const merged = mergeNewest(rows, page.items, page.nextCursor !== null);
            if (merged.gap) setGap(true);
            return merged.rows;
          });
        },
        // A failed refresh is not worth a banner: the stream goes on and the next event asks again.
        () => undefined,
      );
    }, REFRESH_DELAY_MS);
  };

  const flowId = typeof apiQuery.flowId === 'string' ? apiQuery.flowId : undefined;
  const live = useExecutionEvents(flowId, {
    onEvent(event) {
      pages.setItems((rows) => applyEvent(rows, event));
      if (event.type === 'execution.queued' || event.type === 'execution.finished') refresh();
    },
    onReconnect: refresh,
  });

  return {
    ...pages,
    live,
    gap,
    reload() {
      setGap(false);
      pages.reload();
    },
  };
}
