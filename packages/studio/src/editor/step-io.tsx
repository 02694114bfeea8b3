import type { Step } from '../api/types.js';
import './editor.css';

/**
 * What a node received and produced in the last test run: input, output, the port it left by,
 * its attempts and its error.
 *
 * @example
 * <StepIo step={stepsByNode(lastRun).get(nodeId)} ran={lastRun !== undefined} />
 */
export function StepIo({ step, ran }: { step: Step | undefined; ran: boolean }) {
  if (!ran) return null;
  if (!step) {
    return (
      <section className="wb-io" aria-label="Test run result">
        <h4>Last test run</h4>
        <p className="muted">This node did not run (skipped).</p>
      </section>
    );
  }
  return (
    <section className="wb-io" aria-label="Test run result">
      <h4>
        Last test run <span className={`status ${step.status}`}>{step.status}</span>
        {step.port ? <span className="tag">port {step.port}</span> : null}
      </h4>
      {step.error ? (
        <div className="banner error" role="alert">
          {step.error.code}: {step.error.message}
        </div>
      ) : null}
      <h4>Input</h4>
      <pre>{show(step.input)}</pre>
      <h4>Output</h4>
      <pre>{step.output === undefined ? '—' : show(step.output)}</pre>
      <h4>Attempts ({step.attempts.length})</h4>
      <ul>
        {step.attempts.map((attempt) => (
          <li key={attempt.attempt}>
            #{attempt.attempt} · {attempt.durationMs} ms
            {attempt.error ? ` · ${attempt.error.code}: ${attempt.error.message}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
