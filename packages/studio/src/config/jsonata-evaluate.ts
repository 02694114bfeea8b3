import jsonata from 'jsonata';

/** The outcome of evaluating an expression against the sample, as the preview shows it. */
export type JsonataOutcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      message: string /** The error's span in the expression, when jsonata gives one. */;
      from?: number;
      to?: number;
    };

/** Evaluation stops after this long; jsonata checks it at every step, so loops and recursion end. */
export const PREVIEW_TIMEOUT_MS = 1000;
/** And after this depth of nested evaluation, so runaway recursion ends before the JS stack does. */
const PREVIEW_MAX_DEPTH = 500;

interface JsonataFailure {
  message?: string;
  code?: string;
  position?: number;
  token?: unknown;
}

/**
 * Where jsonata says an error is: it reports the offset just past the offending token.
 *
 * @example
 * errorSpan({ position: 3, token: '+' }, 3); // { from: 2, to: 3 }
 */
export function errorSpan(error: JsonataFailure, length: number): { from: number; to: number } | undefined {
  if (typeof error.position !== 'number') return undefined;
  const to = Math.max(0, Math.min(error.position, length));
  const width = typeof error.token === 'string' && error.token.length > 0 ? error.token.length : 1;
  const from = Math.max(0, to - width);
  return { from, to: from === to ? Math.min(length, to + 1) : to };
}

/**
 * Parses and evaluates an expression against a sample, never throwing and never running longer
 * than the timeout.
 *
 * @example
 * await evaluateJsonata('$sum(lines.qty)', { lines: [{ qty: 2 }, { qty: 3 }] }); // { ok: true, value: 5 }
 * await evaluateJsonata('a +', {});  // { ok: false, message: 'Unexpected end of expression', from: 2, to: 3 }
 */
export async function evaluateJsonata(
  expression: string,
  sample: unknown,
  timeoutMs = PREVIEW_TIMEOUT_MS,
): Promise<JsonataOutcome> {
  try {
    const compiled = jsonata(expression, { timeout: timeoutMs, stack: PREVIEW_MAX_DEPTH });
    return { ok: true, value: await compiled.evaluate(sample) };
  } catch (caught) {
    const error = (typeof caught === 'object' && caught !== null ? caught : {}) as JsonataFailure;
    const message =
      error.message ??
      (error.code === 'D1012'
        ? `Evaluation stopped after ${timeoutMs} ms; check for an infinite loop.`
        : error.code === 'D1011'
          ? 'Evaluation went too deep; check for runaway recursion.'
          : String(caught));
    return { ok: false, message, ...errorSpan(error, expression.length) };
  }
}

/**
 * A result as the preview prints it: pretty JSON, or a sentence when there is nothing to print.
 *
 * @example
 * formatResult({ n: 1 }); // '{\n  "n": 1\n}'
 * formatResult(undefined); // 'No result: the expression matched nothing.'
 */
export function formatResult(value: unknown, limit = 20_000): string {
  if (value === undefined) return 'No result: the expression matched nothing.';
  if (typeof value === 'function') return 'A function.';
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, v) => (typeof v === 'function' ? '<function>' : v), 2);
  } catch {
    text = String(value);
  }
  text ??= String(value);
  return text.length > limit ? `${text.slice(0, limit)}\n… (${text.length - limit} more characters)` : text;
}
