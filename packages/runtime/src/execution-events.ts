import { EventEmitter } from 'node:events';
import type { WebhookResponse } from '@waybill/engine';
import type { ExecutionStatus } from '@waybill/store';

/** What happened to an execution; the SSE stream and synchronous webhooks listen for these. */
export interface ExecutionEvent {
  type: 'execution.queued' | 'execution.started' | 'execution.finished' | 'execution.responded';
  executionId: string;
  flowId: string;
  status: ExecutionStatus;
  at: string;
  businessKey?: string | null;
  /** For execution.responded: the Respond node's reply. */
  response?: WebhookResponse;
  /** For execution.finished: the error code and failed node, when it failed. */
  errorCode?: string;
  failedNodeId?: string | null;
  durationMs?: number | null;
}

/**
 * In-process publish/subscribe of execution events. The API server and an embedded worker share
 * one bus; workers in other processes reach the server through the store (the server polls for
 * responses it waits on), so a lost event costs latency, never correctness.
 *
 * @example
 * const bus = createExecutionEvents();
 * const off = bus.subscribe((event) => console.log(event.type));
 * bus.publish({ type: 'execution.queued', ... }); off();
 */
export function createExecutionEvents() {
  const emitter = new EventEmitter();
  // Every SSE client and waiting webhook is a listener; hundreds are normal.
  emitter.setMaxListeners(0);
  return {
    publish(event: ExecutionEvent): void {
      emitter.emit('event', event);
    },
    subscribe(listener: (event: ExecutionEvent) => void): () => void {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}

export type ExecutionEvents = ReturnType<typeof createExecutionEvents>;
