import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import { formatDuration } from '../operations/format.js';
import { StatusChart } from '../operations/status-chart.js';
import type { Stats } from '../operations/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

const RANGES = [
  { hours: 24, label: 'Last 24 hours' },
  { hours: 72, label: 'Last 3 days' },
  { hours: 168, label: 'Last 7 days' },
];

/** How the installation is doing: executions per status over time, the queue, the slowest nodes. */
export function DashboardPage() {
  const [hours, setHours] = useState(24);
  const stats = useAsync(() => api<Stats>('GET', `/api/stats?hours=${hours}`), [hours]);
  const data = stats.data;
  return (
    <section>
      <header className="page-head">
        <h1>Dashboard</h1>
        <div className="row">
          <label className="inline-label">
            Period
            <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
              {RANGES.map((range) => (
                <option key={range.hours} value={range.hours}>
                  {range.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={stats.reload} disabled={stats.loading}>
            Refresh
          </button>
        </div>
      </header>
      <ErrorBanner error={stats.error} />
      {stats.loading && !data ? <p className="muted">Loading statistics…</p> : null}
      {data ? (
        <>
          {data.queue ? (
            <section className="stat-cards" aria-label="Queue depth">
              <Stat label="Ready in the queue" value={data.queue.ready} />
              <Stat label="Delayed (retries, waits)" value={data.queue.delayed} />
              <Stat label="Running" value={data.queue.running} />
            </section>
          ) : null}
          <section className="card" aria-label="Executions per status">
            <h2>Executions per hour</h2>
            <StatusChart since={data.since} buckets={data.buckets} />
          </section>
          <section className="card" aria-label="Slowest nodes">
            <h2>Slowest nodes</h2>
            {data.slowestNodes.length === 0 ? (
              <p className="muted empty">No node ran in this period.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Flow</th>
                    <th scope="col">Node</th>
                    <th scope="col">Type</th>
                    <th scope="col">Runs</th>
                    <th scope="col">Average</th>
                    <th scope="col">95th percentile</th>
                  </tr>
                </thead>
                <tbody>
                  {data.slowestNodes.map((node) => (
                    <tr key={`${node.flowId}/${node.nodeId}`}>
                      <td>
                        <Link href={`/flows/${node.flowId}`}>{node.flowId}</Link>
                      </td>
                      <td>
                        <code>{node.nodeId}</code>
                      </td>
                      <td>
                        <code>{node.type}</code>
                      </td>
                      <td>{node.count}</td>
                      <td>{formatDuration(node.avgMs)}</td>
                      <td>{formatDuration(node.p95Ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="card stat">
      <div className="stat-value">{value}</div>
      <div className="muted">{label}</div>
    </div>
  );
}
