import type { BulkReplayItem, Effect } from './types.js';

export interface NodeTally {
  nodeId: string;
  type: string;
  effect: Effect;
  /** In how many of the executions this node would run again. */
  executions: number;
}

export interface SideEffectTally {
  nodeId: string;
  type: string;
  executions: number;
  /** Of those, how many already did the call in their original run (its idempotency key is reused). */
  alreadyDone: number;
}

/**
 * Adds up a bulk dry run per node, so support sees "create_so runs again in 12 executions, 9 of
 * which already created the order" instead of one plan per execution.
 *
 * @example
 * summarizeBulkReplay(answer.items).sideEffects; // [{ nodeId: 'create_so', executions: 12, alreadyDone: 9, … }]
 */
export function summarizeBulkReplay(items: BulkReplayItem[]): {
  willRun: NodeTally[];
  sideEffects: SideEffectTally[];
} {
  const willRun = new Map<string, NodeTally>();
  const sideEffects = new Map<string, SideEffectTally>();
  for (const item of items) {
    for (const node of item.plan?.willRun ?? []) {
      const tally = willRun.get(node.nodeId) ?? { ...node, executions: 0 };
      tally.executions += 1;
      willRun.set(node.nodeId, tally);
    }
    for (const call of item.plan?.sideEffects ?? []) {
      const tally = sideEffects.get(call.nodeId) ?? {
        nodeId: call.nodeId,
        type: call.type,
        executions: 0,
        alreadyDone: 0,
      };
      tally.executions += 1;
      if (call.alreadyDoneInOriginal) tally.alreadyDone += 1;
      sideEffects.set(call.nodeId, tally);
    }
  }
  const byCount = <T extends { executions: number; nodeId: string }>(a: T, b: T) =>
    b.executions - a.executions || a.nodeId.localeCompare(b.nodeId);
  return {
    willRun: [...willRun.values()].sort(byCount),
    sideEffects: [...sideEffects.values()].sort(byCount),
  };
}
