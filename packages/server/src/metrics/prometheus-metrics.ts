import type { ExecutionRecord } from '@waybill/engine';
import type { ExecutionObserver } from '@waybill/runtime';
import { Counter, Histogram, Registry } from 'prom-client';

/**
 * This process's Prometheus metrics: intake by outcome, queue wait, node durations and retries,
 * finished executions. One registry per process, created at start and passed in (no globals), so
 * tests and several apps in one process do not share counters.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.intake('orders', 'accepted');
 * await metrics.registry.metrics();
 */
export function createMetrics() {
  const registry = new Registry();
  const intake = new Counter({
    name: 'waybill_intake_requests_total',
    help: 'Webhook deliveries by flow and outcome (accepted, duplicate, rejected).',
    labelNames: ['flow', 'outcome'] as const,
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: 'waybill_queue_wait_seconds',
    help: 'Time from an execution being queued to a worker starting it.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const nodeDuration = new Histogram({
    name: 'waybill_node_duration_seconds',
    help: 'Duration of node attempts by node type.',
    labelNames: ['type'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'waybill_node_retries_total',
    help: 'Node attempts after the first, by node type.',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const finished = new Counter({
    name: 'waybill_executions_finished_total',
    help: 'Runs that ended, by flow and status (waiting runs continue later).',
    labelNames: ['flow', 'status'] as const,
    registers: [registry],
  });

  const observer: ExecutionObserver = {
    started(_execution, queueWaitMs) {
      queueWait.observe(queueWaitMs / 1000);
    },
    finished(record: ExecutionRecord) {
      finished.inc({ flow: record.flowId, status: record.status });
      for (const step of record.steps) {
        if (step.reused) continue;
        for (const attempt of step.attempts)
          nodeDuration.observe({ type: step.type }, attempt.durationMs / 1000);
        if (step.attempts.length > 1) retries.inc({ type: step.type }, step.attempts.length - 1);
      }
    },
  };

  return {
    registry,
    observer,
    intake(flow: string, outcome: 'accepted' | 'duplicate' | 'ignored' | 'rejected'): void {
      intake.inc({ flow, outcome });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
