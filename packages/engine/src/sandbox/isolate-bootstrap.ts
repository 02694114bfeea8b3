/**
 * The JavaScript that runs inside each fresh context before the user's code. It replaces V8's
 * built-in (silent) console with one that collects lines in the context, and defines the driver
 * that calls the user's function and packs output, error and logs into one plain object the host
 * copies out. Nothing of the host enters the context: collection and formatting happen inside, so
 * no host function or Reference is ever exposed to user code.
 */

/** The name user code gets in stack traces and syntax errors; the driver looks for it to find line numbers. */
export const USER_CODE_FILENAME = 'user-code.js';

/** Global the host sets (as a copy) right before the run; the driver reads and deletes it. */
export const INPUT_GLOBAL = '__waybillInput';

const RUN_GLOBAL = '__waybillRun';

/** At most this many console lines and characters per call, then one "…truncated" line. */
export const MAX_LOG_LINES = 200;
export const MAX_LOG_CHARS = 10 * 1024;

/**
 * Wraps the user's function body so that it becomes the argument of the driver. The prefix stays
 * on line 1 (only columns shift) so line numbers in stacks and syntax errors are the user's own.
 * Code that closes the wrapper early only runs in its own context, so it gains nothing.
 *
 * @example
 * wrapUserCode('return input.a'); // '__waybillRun(async function (input) {return input.a\n})'
 */
export function wrapUserCode(code: string): string {
  return `${RUN_GLOBAL}(async function (input) {${code}\n})`;
}

/** Number of lines of the user's code, to tell a syntax error at the wrapper's closing line apart. */
export function countLines(code: string): number {
  return code.split('\n').length;
}

const filenamePattern = USER_CODE_FILENAME.replaceAll('.', '\\.');

/**
 * Intrinsics are captured before user code runs so that code replacing `JSON.stringify` or
 * `String` cannot corrupt the driver mid-run (it could only ever corrupt its own result anyway).
 * The script's completion value is `undefined` on purpose: a script that completes with a function
 * keeps its context alive inside isolated-vm, leaking one context per call.
 */
export const BOOTSTRAP_SOURCE = String.raw`(() => {
  'use strict';
  const global = globalThis;
  const stringify = JSON.stringify;
  const toText = String;
  const defineProperty = Object.defineProperty;
  const logs = [];
  let chars = 0;
  let truncated = false;

  const describe = (value) => {
    try {
      switch (typeof value) {
        case 'string':
          return value;
        case 'undefined':
          return 'undefined';
        case 'function':
          return value.name ? '[Function ' + value.name + ']' : '[Function]';
        case 'object':
          if (value === null) return 'null';
          if (value instanceof Error) return toText(value.name) + ': ' + toText(value.message);
          return stringify(value) ?? toText(value);
        default:
          return toText(value);
      }
    } catch {
      try {
        return toText(value);
      } catch {
        return '[value that cannot be shown]';
      }
    }
  };

  const write = (level, args) => {
    if (truncated) return;
    let message = '';
    for (let i = 0; i < args.length; i++) message += (i === 0 ? '' : ' ') + describe(args[i]);
    if (logs.length >= ${MAX_LOG_LINES} || chars + message.length > ${MAX_LOG_CHARS}) {
      const room = ${MAX_LOG_CHARS} - chars;
      if (logs.length < ${MAX_LOG_LINES} && room > 0) logs.push({ level, message: message.slice(0, room) });
      logs.push({ level: 'warn', message: '…truncated' });
      truncated = true;
      return;
    }
    chars += message.length;
    logs.push({ level, message });
  };

  const console = {
    log: (...args) => write('log', args),
    info: (...args) => write('info', args),
    warn: (...args) => write('warn', args),
    error: (...args) => write('error', args),
    debug: (...args) => write('debug', args),
  };

  const lineOf = (error) => {
    try {
      const match = /${filenamePattern}:(\d+):\d+/.exec(toText(error.stack));
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  };

  const reasonOf = (error) => {
    try {
      return error instanceof Error ? toText(error.message) : describe(error);
    } catch {
      return describe(error);
    }
  };

  // JSON.stringify silently drops functions and symbols; the user should hear about them.
  const refuseNonJson = (key, value) => {
    const type = typeof value;
    if (type === 'function' || type === 'symbol') {
      throw new TypeError((key === '' ? 'the value' : 'the property "' + key + '"') + ' is a ' + type);
    }
    return value;
  };

  const run = async (main) => {
    const input = global.${INPUT_GLOBAL};
    delete global.${INPUT_GLOBAL};
    let value;
    try {
      value = await main(input);
    } catch (error) {
      return { ok: false, reason: 'threw', text: describe(error), line: lineOf(error), logs };
    }
    try {
      return { ok: true, output: value === undefined ? undefined : stringify(value, refuseNonJson), logs };
    } catch (error) {
      return { ok: false, reason: 'output', text: reasonOf(error), logs };
    }
  };

  defineProperty(global, 'console', { value: console, writable: true, configurable: true, enumerable: false });
  defineProperty(global, '${RUN_GLOBAL}', { value: run, writable: false, configurable: true, enumerable: false });
})();
undefined;
`;
