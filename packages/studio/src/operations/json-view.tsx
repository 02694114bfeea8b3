import './operations.css';

/**
 * A value as pretty JSON in a collapsible block; open unless it is long.
 *
 * @example
 * <JsonView title="Input" value={step.input} />
 */
export function JsonView({ title, value, open }: { title: string; value: unknown; open?: boolean }) {
  const text = value === undefined ? 'undefined' : JSON.stringify(value, null, 2);
  const lines = text.split('\n').length;
  return (
    <details className="json-view" open={open ?? lines <= 120}>
      <summary>
        {title}{' '}
        <span className="muted">
          ({lines} {lines === 1 ? 'line' : 'lines'})
        </span>
      </summary>
      <pre>{text}</pre>
    </details>
  );
}
