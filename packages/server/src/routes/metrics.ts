import type { ServerDeps } from '../server-deps.js';

/**
 * Metrics in Prometheus text format: executions by status, queue depth and overdue EDI
 * acknowledgments read from the store and the queue at scrape time (so every API server reports the same totals), then this process's
 * counters and histograms (intake, queue wait, node durations, retries).
 *
 * @example
 * await renderMetrics(deps); // '# HELP waybill_executions …\nwaybill_executions{status="failed"} 3\n…'
 */
export async function renderMetrics(deps: Pick<ServerDeps, 'store' | 'queue' | 'metrics'>): Promise<string> {
  const [byStatus, depth, overdue] = await Promise.all([
    deps.store.executions.countByStatus(),
    deps.queue.depth(),
    deps.store.documents.countOverdue(),
  ]);
  const lines = [
    '# HELP waybill_executions Executions in the store by status.',
    '# TYPE waybill_executions gauge',
    ...Object.entries(byStatus).map(([status, count]) => `waybill_executions{status="${status}"} ${count}`),
    '# HELP waybill_queue_jobs Jobs in the execution queue by state.',
    '# TYPE waybill_queue_jobs gauge',
    `waybill_queue_jobs{state="ready"} ${depth.ready}`,
    `waybill_queue_jobs{state="delayed"} ${depth.delayed}`,
    `waybill_queue_jobs{state="active"} ${depth.active}`,
    // Alert on this: a partner has not acknowledged an interchange within its profile's time.
    '# HELP waybill_edi_acknowledgments_overdue Interchanges sent whose acknowledgment is past due.',
    '# TYPE waybill_edi_acknowledgments_overdue gauge',
    `waybill_edi_acknowledgments_overdue ${overdue}`,
  ];
  const commits = deps.store.commitCount();
  if (commits !== undefined) {
    lines.push(
      '# HELP waybill_store_commits_total SQLite commits made by this process.',
      '# TYPE waybill_store_commits_total counter',
      `waybill_store_commits_total ${commits}`,
    );
  }
  return `${lines.join('\n')}\n${await deps.metrics.registry.metrics()}`;
}
