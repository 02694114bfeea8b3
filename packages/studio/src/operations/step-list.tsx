import type { DocumentMeta, Step } from '../api/types.js';
import { countLabel } from './document-format.js';
import { formatDuration, formatTime } from './format.js';
import { JsonView } from './json-view.js';
import { StatusBadge } from './status-badge.js';

/**
 * The path an execution took, step by step in the order the steps ran; selecting one shows its
 * data. A step whose node stored interchanges links to them in the Documents section.
 */
export function StepList({
  steps,
  selected,
  onSelect,
  documents,
  onShowDocuments,
}: {
  steps: Step[];
  selected: string | undefined;
  onSelect(key: string): void;
  /** The execution's documents by node id (documents do not name their step, only their node). */
  documents?: ReadonlyMap<string, DocumentMeta[]>;
  onShowDocuments?(nodeId: string): void;
}) {
  if (steps.length === 0) return <p className="muted">No step has run yet.</p>;
  return (
    <table className="table steps-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Node</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Port</th>
          <th scope="col">Attempts</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step, index) => {
          const stored = documents?.get(step.nodeId)?.length ?? 0;
          return (
            <tr key={step.key} className={step.key === selected ? 'selected' : ''}>
              <td>{index + 1}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-pressed={step.key === selected}
                  onClick={() => onSelect(step.key)}
                >
                  {step.key}
                </button>
                {(step as Step & { reused?: boolean }).reused ? <span className="tag">reused</span> : null}
                {step.effect && step.effect !== 'pure' ? (
                  <span className={`tag effect-${step.effect}`}>{step.effect}</span>
                ) : null}
                {stored > 0 && onShowDocuments ? (
                  <button
                    type="button"
                    className="link doc-link"
                    aria-label={`${countLabel(stored)} of ${step.key}`}
                    onClick={() => onShowDocuments(step.nodeId)}
                  >
                    {countLabel(stored)}
                  </button>
                ) : null}
              </td>
              <td>
                <code>{step.type}</code>
              </td>
              <td>
                <StatusBadge status={step.status} />
              </td>
              <td>{step.port ?? <span className="muted">—</span>}</td>
              <td>
                <ol className="attempts">
                  {step.attempts.map((attempt) => (
                    <li key={attempt.attempt} title={formatTime(attempt.startedAt)}>
                      {formatDuration(attempt.durationMs)}
                      {attempt.error ? (
                        <span className="attempt-error">
                          {' '}
                          {attempt.error.code}: {attempt.error.message}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One step's input, output, error and log lines. */
export function StepDetail({ step }: { step: Step }) {
  const logs = (step as Step & { logs?: Array<{ level: string; message: string }> }).logs ?? [];
  return (
    <section className="card step-detail" aria-label={`Step ${step.key}`}>
      <h2>
        Step <code>{step.key}</code>
      </h2>
      {step.error ? (
        <div className="banner error">
          <strong>{step.error.code}</strong>: {step.error.message}
          {step.error.upstream?.body ? <pre>{step.error.upstream.body}</pre> : null}
        </div>
      ) : null}
      <JsonView title="Input" value={step.input} />
      {step.output !== undefined ? (
        <JsonView title="Output" value={step.output} />
      ) : (
        <p className="muted">No output.</p>
      )}
      {logs.length > 0 ? (
        <>
          <h3>Logs</h3>
          <pre>{logs.map((line) => `[${line.level}] ${line.message}`).join('\n')}</pre>
        </>
      ) : null}
    </section>
  );
}
