import { useEffect, useRef, useState } from 'react';
import { query } from '../api/client.js';
import { EVENT_TYPES, type ExecutionEvent } from './types.js';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Listens to the server's execution events (SSE at /api/events, one flow or all) while mounted.
 * The browser reconnects on its own after a drop; `onReconnect` runs when it is back, because
 * events sent in between are not replayed and the page should catch up by asking again.
 *
 * @example
 * const live = useExecutionEvents(flowId, { onEvent: (event) => …, onReconnect: reload });
 */
export function useExecutionEvents(
  flowId: string | undefined,
  handlers: { onEvent(event: ExecutionEvent): void; onReconnect?(): void },
  enabled = true,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  // The latest handlers, so a re-render does not tear down the stream.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      setState('offline');
      return;
    }
    setState('connecting');
    const source = new EventSource(`/api/events${query({ flowId })}`);
    let dropped = false;
    const listener = (message: MessageEvent<string>) => {
      try {
        latest.current.onEvent(JSON.parse(message.data) as ExecutionEvent);
      } catch {
        // A malformed event is skipped; the next refetch brings the truth.
      }
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, listener);
    source.onopen = () => {
      setState('live');
      if (dropped) latest.current.onReconnect?.();
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    };
    return () => {
      for (const type of EVENT_TYPES) source.removeEventListener(type, listener);
      source.close();
    };
  }, [flowId, enabled]);

  return state;
}
