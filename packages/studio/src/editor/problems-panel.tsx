import type { Problem } from '../api/client.js';
import './editor.css';

/**
 * The problems of the last failed save or test run; picking one selects and centres its node.
 *
 * @example
 * <ProblemsPanel problems={problems} onPick={(problem) => focus(problem.nodeId)} />
 */
export function ProblemsPanel({
  problems,
  onPick,
  onClose,
}: {
  problems: readonly Problem[];
  onPick: (problem: Problem) => void;
  onClose: () => void;
}) {
  if (problems.length === 0) return null;
  return (
    <section className="wb-problems-panel">
      <div className="row">
        <strong>
          {problems.length} problem{problems.length === 1 ? '' : 's'}: nothing was saved
        </strong>
        <button type="button" className="link" onClick={onClose}>
          Dismiss
        </button>
      </div>
      <ul aria-label="Problems">
        {problems.map((problem) => (
          <li key={`${problem.code} ${problem.pointer} ${problem.message}`}>
            <button type="button" onClick={() => onPick(problem)}>
              {problem.nodeId ? <code>{problem.nodeId}</code> : null} {problem.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
