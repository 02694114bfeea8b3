import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { FlowCanvasNode } from './canvas-model.js';
import { NodeIcon } from './node-icon.js';
import './editor.css';

/**
 * A node on the canvas: type title, category badge, one line of config, problems, and after a run
 * its status. Memoised: React Flow hands the same `data` object back while nothing shown changed.
 */
export const FlowNodeView = memo(function FlowNodeView({ data, selected }: NodeProps<FlowCanvasNode>) {
  const classes = [
    'wb-node',
    data.kind === 'trigger' ? 'trigger' : '',
    selected ? 'selected' : '',
    data.status ? `run-${data.status}` : '',
    data.diff ? `diff-${data.diff}` : '',
    data.disabled ? 'disabled' : '',
    data.problems.length > 0 ? 'has-problems' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      {data.kind === 'node' ? (
        <Handle type="target" position={Position.Left} id="in" className="wb-in" />
      ) : null}
      <div className="wb-node-head">
        <NodeIcon name={data.icon} category={data.badge} />
        <span className="wb-node-title" title={data.title}>
          {data.title}
        </span>
        <span className="wb-badge">{data.badge}</span>
      </div>
      <div className="wb-node-label">{data.label}</div>
      {data.summary ? (
        <div className="wb-node-summary" title={data.summary}>
          {data.summary}
        </div>
      ) : null}
      <div className="wb-node-foot">
        {data.problems.length > 0 ? (
          <span className="wb-problems" title={data.problems.join('\n')}>
            {data.problems.length} problem{data.problems.length === 1 ? '' : 's'}
          </span>
        ) : null}
        {data.status ? <span className={`status ${data.status}`}>{data.status}</span> : null}
        {data.diff ? <span className={`wb-diff-tag ${data.diff}`}>{data.diff}</span> : null}
        {data.disabled ? <span className="tag">disabled</span> : null}
      </div>
      <div className="wb-ports">
        {data.ports.map((port) => (
          <div key={port} className={`wb-port ${port === 'error' ? 'error' : ''}`}>
            {data.ports.length > 1 || port !== 'out' ? <span>{port}</span> : null}
            <Handle type="source" position={Position.Right} id={port} className="wb-out" />
          </div>
        ))}
      </div>
    </div>
  );
});
