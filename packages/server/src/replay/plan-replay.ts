import type { StepRecord } from '@waybill/engine';
import type { Revision } from '@waybill/flow';
import type { ExecutionRow } from '@waybill/store';
import type { ServerDeps } from '../server-deps.js';

export type ReplayFrom = 'failed' | 'trigger';
export type ReplayRevision = 'original' | 'deployed';

export interface ReplayPlan {
  executionId: string;
  from: ReplayFrom;
  revision: { hash: string; which: ReplayRevision };
  /** Steps taken over from the original run: they will not run again. */
  reused: Array<{ key: string; nodeId: string; effect: StepRecord['effect'] }>;
  /** Nodes that may run: everything of the revision not taken over. */
  willRun: Array<{ nodeId: string; type: string; effect: StepRecord['effect'] }>;
  /** The side-effecting connector calls among them, which support should look at before confirming. */
  sideEffects: Array<{ nodeId: string; type: string; alreadyDoneInOriginal: boolean }>;
  /** The steps the new execution starts with. */
  steps: StepRecord[];
}

/**
 * Works out what replaying an execution would do, without doing it (the dry run) and as the basis
 * of doing it. From the failed node: completed steps are taken over — side-effecting ones always,
 * others when their node's definition is unchanged in the chosen revision (the engine also checks
 * their input). From the trigger: nothing is taken over and every node runs again; side effects
 * already done then reuse the original idempotency keys, so connectors that honour them do not
 * repeat them.
 *
 * @example
 * const plan = planReplay(deps, execution, steps, revision, { from: 'failed', revision: 'deployed' });
 * plan.sideEffects; // [{ nodeId: 'create_so', type: 'odoo.createSaleOrder', alreadyDoneInOriginal: true }]
 */
export function planReplay(
  deps: Pick<ServerDeps, 'engine'>,
  execution: ExecutionRow,
  originalSteps: readonly StepRecord[],
  revision: Revision,
  options: { from: ReplayFrom; revision: ReplayRevision },
): ReplayPlan {
  const prepared = deps.engine.prepare(revision);
  const completed = originalSteps.filter((step) => step.status === 'succeeded');
  const steps =
    options.from === 'trigger'
      ? []
      : completed.filter((step) => {
          const node = prepared.nodes.get(step.nodeId);
          if (!node) return false;
          return step.effect === 'write' || node.definitionHash === step.definitionHash;
        });
  const reusedNodes = new Set(steps.map((s) => s.nodeId));
  const doneWrites = new Set(completed.filter((s) => s.effect === 'write').map((s) => s.nodeId));
  const willRun = [...prepared.nodes.values()]
    .filter((node) => !reusedNodes.has(node.definition.id))
    .map((node) => ({ nodeId: node.definition.id, type: node.definition.type, effect: node.effect }));
  return {
    executionId: execution.id,
    from: options.from,
    revision: { hash: revision.hash, which: options.revision },
    reused: steps.map((s) => ({ key: s.key, nodeId: s.nodeId, effect: s.effect })),
    willRun,
    sideEffects: willRun
      .filter((n) => n.effect === 'write')
      .map((n) => ({ nodeId: n.nodeId, type: n.type, alreadyDoneInOriginal: doneWrites.has(n.nodeId) })),
    steps: steps.map((step) => ({ ...step, reused: true })),
  };
}
