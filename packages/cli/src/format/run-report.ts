import type { ExecutionRecord, StepRecord } from '@waybill/engine';

const STATUS_MARK: Record<StepRecord['status'], string> = { succeeded: '✓', failed: '✗', waiting: '…' };
const MAX_OUTPUT_CHARS = 240;

/**
 * The human-readable report of one execution: a line per step with its status, type, duration and
 * port, then its output (shortened) or error, then the outcome.
 *
 * @example
 * console.log(formatRunReport(record));
 */
export function formatRunReport(record: ExecutionRecord): string {
  const lines: string[] = [
    `Flow ${record.flowId} · revision ${record.revisionHash.slice(0, 12)} · execution ${record.executionId}`,
  ];
  const keyWidth = Math.max(8, ...record.steps.map((s) => s.key.length));
  const typeWidth = Math.max(8, ...record.steps.map((s) => s.type.length));
  for (const step of record.steps) {
    const duration = step.attempts.reduce((sum, a) => sum + a.durationMs, 0);
    const tries = step.attempts.length > 1 ? ` (${step.attempts.length} attempts)` : '';
    const flags = [step.reused ? 'reused' : '', step.disabled ? 'disabled' : ''].filter(Boolean).join(', ');
    const port = step.port ? `→ ${step.port}` : '';
    lines.push(
      `  ${STATUS_MARK[step.status]} ${step.key.padEnd(keyWidth)}  ${step.type.padEnd(typeWidth)}  ${formatMs(duration).padStart(9)}  ${port}${tries}${flags ? ` [${flags}]` : ''}`,
    );
    if (step.error) lines.push(`      ${step.error.code}: ${step.error.message}`);
    else if (step.output !== undefined) lines.push(`      ${shorten(JSON.stringify(step.output) ?? 'null')}`);
    for (const log of step.logs ?? []) lines.push(`      [${log.level}] ${log.message}`);
  }
  lines.push(outcome(record));
  return lines.join('\n');
}

function outcome(record: ExecutionRecord): string {
  const key = record.businessKey ? ` · business key ${record.businessKey}` : '';
  const took = formatMs(record.durationMs);
  switch (record.status) {
    case 'succeeded':
      return `Succeeded in ${took}${key}.`;
    case 'failed':
      return `Failed in ${took}${key}${record.error?.nodeId ? ` at node "${record.error.nodeId}"` : ''}: ${record.error?.message ?? 'unknown error'}`;
    case 'waiting':
      return `Waiting until ${record.resumeAt ?? 'later'}${key}.`;
    case 'cancelled':
      return `Cancelled after ${took}${key}.`;
  }
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function shorten(text: string): string {
  if (text.length <= MAX_OUTPUT_CHARS) return text;
  return `${text.slice(0, MAX_OUTPUT_CHARS)}… (${(text.length - MAX_OUTPUT_CHARS).toLocaleString('en-US')} more characters; --json shows all)`;
}
