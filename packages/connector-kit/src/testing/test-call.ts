import type { ConnectorCall, LogLine } from '../connector-call.js';

/**
 * A connector call as the engine would make it, for tests: sensible ids, a fresh signal and a log
 * that collects lines in `logs`.
 *
 * @example
 * const call = testCall({ type: 'http.request', config: { url }, input: { id: 1 } });
 * await invoker.invoke(call);
 * call.logs; // [{ level: 'info', message: '...' }]
 */
export function testCall(
  overrides: Partial<Omit<ConnectorCall, 'log'>> & { type: string },
): ConnectorCall & { logs: LogLine[] } {
  const logs: LogLine[] = [];
  const nodeId = overrides.nodeId ?? 'node';
  const executionId = overrides.executionId ?? 'ex-test';
  return {
    manifest: {
      type: overrides.type,
      title: overrides.type,
      category: overrides.type.split('.')[0] ?? overrides.type,
      effect: 'write',
      configSchema: {},
      outputs: ['out'],
    },
    config: {},
    input: null,
    idempotencyKey: `${executionId}/${nodeId}`,
    attempt: 1,
    executionId,
    nodeId,
    stepKey: nodeId,
    signal: new AbortController().signal,
    ...overrides,
    logs,
    log: (line) => {
      logs.push(line);
    },
  };
}
