import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine, ExecutionRecord } from '@waybill/engine';
import { canonicalJson, type Revision } from '@waybill/flow';
import { CliError } from './cli-error.js';
import { readJsonFile } from './load-flow.js';

/**
 * A flow's test cases: tests/<case>/input.json is the trigger payload and expected.json says what
 * must come out. Every field of expected.json is optional except status:
 *
 * ```json
 * { "status": "succeeded",
 *   "path": ["to_canonical", "check", "route"],
 *   "outputs": { "to_canonical": { "number": "#1001" } },
 *   "error": { "nodeId": "check", "code": "VALIDATION_FAILED" },
 *   "response": { "status": 200, "headers": {}, "body": { "accepted": true } } }
 * ```
 * path lists the step keys in the order they ran; outputs compares whole values per step key;
 * error compares only the fields given.
 */
export interface ExpectedOutcome {
  status: ExecutionRecord['status'];
  path?: string[];
  outputs?: Record<string, unknown>;
  error?: Record<string, unknown>;
  response?: unknown;
}

export interface CaseResult {
  name: string;
  passed: boolean;
  /** One sentence per difference. */
  mismatches: string[];
  record: ExecutionRecord;
}

/** The case folders of a flow, sorted; empty when it has no tests/ folder. */
export async function listCases(flowDir: string): Promise<string[]> {
  const dir = join(flowDir, 'tests');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Runs one case and compares the execution with expected.json.
 *
 * @example
 * const result = await runCase(engine, revision, 'flows/orders', 'sample-order');
 * result.passed; // true
 */
export async function runCase(
  engine: Engine,
  revision: Revision,
  flowDir: string,
  name: string,
): Promise<CaseResult> {
  const dir = join(flowDir, 'tests', name);
  if (!(await stat(join(dir, 'expected.json')).catch(() => undefined))) {
    throw new CliError(`Test case ${dir} has no expected.json.`);
  }
  const input = await readJsonFile(join(dir, 'input.json'), 'input');
  const expected = parseExpected(await readJsonFile(join(dir, 'expected.json'), 'expected'), dir);
  const record = await engine.run({
    executionId: `test_${revision.definition.id}_${name}`,
    revision,
    trigger: input,
  });
  const mismatches = compareOutcome(expected, record);
  return { name, passed: mismatches.length === 0, mismatches, record };
}

/**
 * Every way the execution differs from what was expected, as sentences.
 *
 * @example
 * compareOutcome({ status: 'succeeded' }, failedRecord); // ['The status is failed, expected succeeded (…).']
 */
export function compareOutcome(expected: ExpectedOutcome, record: ExecutionRecord): string[] {
  const mismatches: string[] = [];
  if (record.status !== expected.status) {
    const why = record.error
      ? ` (${record.error.nodeId ? `node "${record.error.nodeId}": ` : ''}${record.error.message})`
      : '';
    mismatches.push(`The status is ${record.status}, expected ${expected.status}${why}.`);
  }
  const path = record.steps.map((s) => s.key);
  if (expected.path && !sameJson(path, expected.path)) {
    mismatches.push(
      `The path taken was ${path.join(' → ') || '(none)'}, expected ${expected.path.join(' → ')}.`,
    );
  }
  for (const [key, value] of Object.entries(expected.outputs ?? {})) {
    const step = record.steps.find((s) => s.key === key);
    if (!step) mismatches.push(`Node "${key}" did not run, so its output could not be compared.`);
    else if (!sameJson(step.output, value)) {
      mismatches.push(
        `The output of "${key}" differs.\n      expected ${short(value)}\n      actual   ${short(step.output)}`,
      );
    }
  }
  if (expected.error) {
    for (const [field, value] of Object.entries(expected.error)) {
      const actual = record.error ? (record.error as unknown as Record<string, unknown>)[field] : undefined;
      if (!sameJson(actual, value))
        mismatches.push(`The error's ${field} is ${short(actual)}, expected ${short(value)}.`);
    }
  }
  if (expected.response !== undefined && !sameJson(record.response, expected.response)) {
    mismatches.push(
      `The webhook response differs.\n      expected ${short(expected.response)}\n      actual   ${short(record.response)}`,
    );
  }
  return mismatches;
}

const STATUSES = ['succeeded', 'failed', 'waiting', 'cancelled'];

function parseExpected(value: unknown, dir: string): ExpectedOutcome {
  if (
    typeof value !== 'object' ||
    value === null ||
    !('status' in value) ||
    !STATUSES.includes(String(value.status))
  ) {
    throw new CliError(
      `${join(dir, 'expected.json')} must be an object whose status is one of ${STATUSES.join(', ')}.`,
    );
  }
  return value as ExpectedOutcome;
}

/** Outputs are JSON, so they are compared as JSON: key order and prototypes do not matter. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
