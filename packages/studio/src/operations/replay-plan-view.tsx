import type { NodeTally, SideEffectTally } from './replay-summary.js';
import type { ReplayPlan } from './types.js';

/** What one replay would do: the nodes that run again, the calls that change other systems, what is reused. */
export function ReplayPlanView({ plan }: { plan: ReplayPlan }) {
  return (
    <div className="replay-plan">
      <p>
        {plan.from === 'failed' ? 'Resumes from the failed node' : 'Starts over from the trigger'} with the{' '}
        {plan.revision.which} revision <code>{plan.revision.hash.slice(0, 12)}</code>.
      </p>
      <SideEffectList
        calls={plan.sideEffects.map((call) => ({
          nodeId: call.nodeId,
          type: call.type,
          executions: 1,
          alreadyDone: call.alreadyDoneInOriginal ? 1 : 0,
        }))}
        single
      />
      <h3>Runs again ({plan.willRun.length})</h3>
      {plan.willRun.length === 0 ? (
        <p className="muted">No node runs again.</p>
      ) : (
        <ul className="plan-list">
          {plan.willRun.map((node) => (
            <li key={node.nodeId}>
              <code>{node.nodeId}</code> <span className="muted">{node.type}</span>
              {node.effect !== 'pure' ? (
                <span className={`tag effect-${node.effect}`}>{node.effect}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {plan.reused.length > 0 ? (
        <>
          <h3>Reused from the original run ({plan.reused.length})</h3>
          <ul className="plan-list">
            {plan.reused.map((step) => (
              <li key={step.key}>
                <code>{step.key}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The side-effecting connector calls a replay makes again, the thing support checks before confirming. */
export function SideEffectList({ calls, single }: { calls: SideEffectTally[]; single?: boolean }) {
  if (calls.length === 0) {
    return <p className="banner info">No side-effecting connector call runs again.</p>;
  }
  return (
    <div className="banner warn">
      <strong>Side-effecting calls that run again:</strong>
      <ul className="plan-list">
        {calls.map((call) => (
          <li key={call.nodeId}>
            <code>{call.nodeId}</code> <span className="muted">{call.type}</span>
            {single ? null : ` in ${call.executions} ${call.executions === 1 ? 'execution' : 'executions'}`}
            {call.alreadyDone > 0
              ? single
                ? ' — already done in the original run; its idempotency key is reused'
                : ` (${call.alreadyDone} already done in the original run; their idempotency keys are reused)`
              : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Nodes of a bulk dry run with the number of executions each runs again in. */
export function NodeTallyList({ nodes }: { nodes: NodeTally[] }) {
  if (nodes.length === 0) return <p className="muted">No node runs again.</p>;
  return (
    <ul className="plan-list">
      {nodes.map((node) => (
        <li key={node.nodeId}>
          <code>{node.nodeId}</code> <span className="muted">{node.type}</span>
          {node.effect !== 'pure' ? <span className={`tag effect-${node.effect}`}>{node.effect}</span> : null}{' '}
          in {node.executions} {node.executions === 1 ? 'execution' : 'executions'}
        </li>
      ))}
    </ul>
  );
}
