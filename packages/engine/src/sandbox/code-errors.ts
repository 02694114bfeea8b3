import { systemError, userError, type WaybillError } from '@waybill/connector-kit';
import type { CodeLogLine } from './types.js';

/** Keeps a thrown message readable in execution history even when user code throws a novel. */
const MAX_TEXT = 500;

function clip(text: string): string {
  // Multi-line messages (V8's circular-structure one) would read badly inside one sentence.
  const trimmed = text.replace(/\s+/g, ' ').trim() || 'an empty error';
  const short = trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT)}…` : trimmed;
  // The sentence gets its own full stop (after the line number), so drop the message's.
  return short.replace(/\.+$/, '');
}

/**
 * The user's code threw or its promise rejected.
 *
 * @example
 * codeThrew('TypeError: x is not a function', 3, []).message; // 'The code threw: TypeError: x is not a function (line 3).'
 */
export function codeThrew(text: string, line: number | undefined, logs: CodeLogLine[]): WaybillError {
  const where = line === undefined ? '' : ` (line ${line})`;
  return userError({
    code: 'CODE_ERROR',
    message: `The code threw: ${clip(text)}${where}.`,
    details: { line, logs },
  });
}

/**
 * The code does not parse. `line` beyond the user's last line means the parser reached our closing
 * wrapper, i.e. something (a brace, a string) was left open.
 *
 * @example
 * codeSyntaxError('Unexpected token ;', 2, 5).message; // "The code has a syntax error: Unexpected token ; (line 2)."
 */
export function codeSyntaxError(text: string, line: number | undefined, userLines: number): WaybillError {
  if (line !== undefined && line > userLines) {
    // The token V8 names is our wrapper's, which would only confuse the reader.
    return userError({
      code: 'CODE_SYNTAX_ERROR',
      message:
        'The code has a syntax error: it ends in the middle of a statement, or a bracket, brace or string is left open.',
      details: { line: userLines },
    });
  }
  const where = line === undefined ? '' : ` (line ${line})`;
  return userError({
    code: 'CODE_SYNTAX_ERROR',
    message: `The code has a syntax error: ${clip(text)}${where}.`,
    details: { line },
  });
}

/** @example codeTimeout(1000).message; // 'The code ran longer than its 1000 ms limit and was stopped.' */
export function codeTimeout(timeoutMs: number): WaybillError {
  return userError({
    code: 'CODE_TIMEOUT',
    message: `The code ran longer than its ${timeoutMs} ms limit and was stopped.`,
  });
}

/** @example codeMemoryLimit(64).message; // 'The code used more than its 64 MB memory limit and was stopped.' */
export function codeMemoryLimit(memoryMb: number): WaybillError {
  return userError({
    code: 'CODE_MEMORY_LIMIT',
    message: `The code used more than its ${memoryMb} MB memory limit and was stopped.`,
  });
}

/**
 * The returned value cannot be copied out as JSON (function, symbol, BigInt, cycle).
 *
 * @example
 * codeOutputInvalid('the value is a function', []).info.code; // 'CODE_OUTPUT_INVALID'
 */
export function codeOutputInvalid(reason: string, logs: CodeLogLine[]): WaybillError {
  return userError({
    code: 'CODE_OUTPUT_INVALID',
    message: `The code returned a value that is not JSON-compatible (${clip(reason)}); return plain objects, arrays, strings, numbers, booleans or null.`,
    details: { logs },
  });
}

/** @example codeInputInvalid('function could not be cloned').info.code; // 'CODE_INPUT_INVALID' */
export function codeInputInvalid(reason: string): WaybillError {
  return userError({
    code: 'CODE_INPUT_INVALID',
    message: `The node input could not be copied into the code sandbox (${clip(reason)}); it must be JSON-compatible.`,
  });
}

/** @example codeLimitsInvalid('memoryMb must be a whole number of at least 8').info.code; // 'CODE_LIMITS_INVALID' */
export function codeLimitsInvalid(reason: string): WaybillError {
  return userError({
    code: 'CODE_LIMITS_INVALID',
    message: `The code node's limits are invalid: ${clip(reason)}.`,
  });
}

/**
 * The sandbox was shut down before or while the call ran. Another worker can take the retry.
 *
 * @example
 * sandboxClosed(false).info.code; // 'SANDBOX_CLOSED'
 */
export function sandboxClosed(whileRunning: boolean): WaybillError {
  return systemError({
    code: 'SANDBOX_CLOSED',
    message: whileRunning
      ? 'The code sandbox was shut down while the code was running.'
      : 'The code sandbox has been shut down; the code was not run.',
  });
}

/**
 * The caller's signal fired. Named AbortError so the engine reports the step as cancelled.
 *
 * @example
 * abortError(new AbortController().signal).name; // 'AbortError'
 */
export function abortError(signal: AbortSignal): Error {
  const error = new Error('The code run was aborted.', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}
