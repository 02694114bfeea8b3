import { fillHours, layoutChart } from './chart-layout.js';
import './operations.css';
import type { Stats } from './types.js';

const WIDTH = 720;
const HEIGHT = 200;
const LEFT = 36;
const BOTTOM = 22;

/** Executions per status per hour as stacked SVG bars, with a legend; colours come from CSS classes. */
export function StatusChart({ since, buckets: sparse }: { since: string; buckets: Stats['buckets'] }) {
  const buckets = fillHours(since, sparse, Date.now());
  const layout = layoutChart(buckets, { width: WIDTH, height: HEIGHT });
  const total = layout.bars.reduce((sum, bar) => sum + bar.total, 0);
  // Label every few hours so the labels never overlap, whatever the range.
  const every = Math.max(1, Math.ceil(buckets.length / 12));
  return (
    <figure className="status-chart">
      <svg
        viewBox={`0 0 ${LEFT + WIDTH + 28} ${HEIGHT + BOTTOM + 6}`}
        role="img"
        aria-label={`Executions per hour by status: ${total} in ${buckets.length} hours`}
      >
        <g transform={`translate(${LEFT}, 4)`}>
          <line className="axis" x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} />
          <line className="grid" x1={0} y1={0} x2={WIDTH} y2={0} />
          <line className="grid" x1={0} y1={HEIGHT / 2} x2={WIDTH} y2={HEIGHT / 2} />
          <text className="tick" x={-6} y={4} textAnchor="end">
            {layout.max}
          </text>
          <text className="tick" x={-6} y={HEIGHT / 2 + 4} textAnchor="end">
            {layout.max / 2}
          </text>
          <text className="tick" x={-6} y={HEIGHT + 4} textAnchor="end">
            0
          </text>
          {layout.bars.map((bar, index) => (
            <g key={bar.start}>
              {bar.segments.map((segment) => (
                <rect
                  key={segment.status}
                  className={`bar ${segment.status}`}
                  x={segment.x}
                  y={segment.y}
                  width={segment.width}
                  height={segment.height}
                >
                  <title>
                    {new Date(bar.start).toLocaleString()}: {segment.count} {segment.status}
                  </title>
                </rect>
              ))}
              {index % every === 0 ? (
                <text className="tick" x={bar.x + bar.width / 2} y={HEIGHT + 16} textAnchor="middle">
                  {new Date(bar.start).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      </svg>
      <figcaption>
        <ul className="legend" aria-label="Legend">
          {layout.statuses.map((status) => (
            <li key={status}>
              <svg width="12" height="12" aria-hidden="true">
                <rect className={`bar ${status}`} width="12" height="12" rx="2" />
              </svg>
              {status}
            </li>
          ))}
        </ul>
        {total === 0 ? <p className="muted">No executions in this period.</p> : null}
      </figcaption>
    </figure>
  );
}
