import type { ExecutionRow } from '@waybill/store';
import { ApiError, notFound } from '../http/api-error.js';
import type { ServerDeps } from '../server-deps.js';
import { planReplay, type ReplayFrom, type ReplayPlan, type ReplayRevision } from './plan-replay.js';

export interface ReplayOptions {
  from: ReplayFrom;
  revision: ReplayRevision;
  dryRun: boolean;
}

/**
 * Replays one execution: a new execution with the same trigger payload and idempotency base,
 * starting from the planned steps. Returns the plan, and the new execution unless it is a dry run.
 *
 * @example
 * const { plan, execution } = await replayExecution(deps, 'ex_…', { from: 'failed', revision: 'deployed', dryRun: false });
 */
export async function replayExecution(
  deps: ServerDeps,
  executionId: string,
  options: ReplayOptions,
): Promise<{ plan: ReplayPlan; execution?: ExecutionRow }> {
  const original = await deps.store.executions.get(executionId);
  if (!original) throw notFound('execution', executionId);
  if (original.status === 'queued' || original.status === 'running' || original.status === 'waiting') {
    throw new ApiError(
      409,
      'EXECUTION_IN_PROGRESS',
      `Execution ${executionId} is ${original.status}; replay it once it has finished or been cancelled.`,
    );
  }
  let hash = original.revisionHash;
  if (options.revision === 'deployed') {
    const deployment = await deps.store.deployments.current(original.flowId);
    if (!deployment) {
      throw new ApiError(
        409,
        'NOT_DEPLOYED',
        `Flow "${original.flowId}" has no deployed revision to replay with; replay with the original revision or deploy one.`,
      );
    }
    hash = deployment.revisionHash;
  }
  const revision = await deps.revisions.get(original.flowId, hash);
  if (!revision)
    throw new ApiError(
      409,
      'REVISION_MISSING',
      `Revision ${hash.slice(0, 12)} of flow "${original.flowId}" no longer exists.`,
    );
  const steps = options.from === 'failed' ? await deps.store.executions.steps(original.id) : [];
  const plan = planReplay(deps, original, steps, revision, options);
  if (options.dryRun) return { plan };

  const execution = await deps.store.executions.create({
    flowId: original.flowId,
    revisionHash: revision.hash,
    triggerKind: 'replay',
    trigger: original.trigger,
    businessKey: original.businessKey,
    replayOf: original.id,
    idempotencyBase: original.idempotencyBase,
    steps: plan.steps,
  });
  if (original.deadLetter === 'open') await deps.store.executions.setDeadLetter([original.id], 'resolved');
  return { plan, execution };
}
