import { codeOutputInvalid, codeThrew } from './code-errors.js';
import { MAX_LOG_CHARS, MAX_LOG_LINES } from './isolate-bootstrap.js';
import type { CodeLogLine, CodeRunResult } from './types.js';

const levels: readonly CodeLogLine['level'][] = ['log', 'info', 'warn', 'error', 'debug'];

const isLevel = (value: unknown): value is CodeLogLine['level'] => levels.some((level) => level === value);

/**
 * Turns the plain object the in-isolate driver returned into a result or a user error. The object
 * is a structured-clone copy, so it cannot run anything here, but user code can tamper with the
 * driver's realm, so every field is checked rather than trusted.
 *
 * @example
 * readEnvelope({ ok: true, output: '{"a":1}', logs: [] }); // { output: { a: 1 }, logs: [] }
 */
export function readEnvelope(envelope: unknown): CodeRunResult {
  const record = isRecord(envelope) ? envelope : {};
  const logs = readLogs(record.logs);
  if (record.ok === true) return { output: readOutput(record.output, logs), logs };
  const text = typeof record.text === 'string' ? record.text : 'the sandbox could not read what happened';
  if (record.reason === 'output') throw codeOutputInvalid(text, logs);
  const line = typeof record.line === 'number' && Number.isInteger(record.line) ? record.line : undefined;
  throw codeThrew(text, line, logs);
}

function readOutput(output: unknown, logs: CodeLogLine[]): unknown {
  if (output === undefined) return null;
  if (typeof output !== 'string') throw codeOutputInvalid('the sandbox could not read it', logs);
  try {
    return JSON.parse(output);
  } catch {
    throw codeOutputInvalid('it did not serialise to valid JSON', logs);
  }
}

/** Re-applies the limits on this side too, in case the code replaced the driver's bookkeeping. */
function readLogs(value: unknown): CodeLogLine[] {
  if (!Array.isArray(value)) return [];
  const logs: CodeLogLine[] = [];
  let chars = 0;
  for (const line of value.slice(0, MAX_LOG_LINES + 1)) {
    if (!isRecord(line) || !isLevel(line.level) || typeof line.message !== 'string') continue;
    // A little room beyond the limit for the driver's own "…truncated" line.
    const message = line.message.slice(0, Math.max(0, MAX_LOG_CHARS + 16 - chars));
    chars += message.length;
    logs.push({ level: line.level, message });
  }
  return logs;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
