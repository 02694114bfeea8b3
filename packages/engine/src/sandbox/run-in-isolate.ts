import type { WaybillError } from '@waybill/connector-kit';
import type ivm from 'isolated-vm';
import {
  abortError,
  codeInputInvalid,
  codeMemoryLimit,
  codeSyntaxError,
  codeThrew,
  codeTimeout,
  sandboxClosed,
} from './code-errors.js';
import { countLines, INPUT_GLOBAL, USER_CODE_FILENAME } from './isolate-bootstrap.js';
import { readEnvelope } from './read-envelope.js';
import type { CodeRunRequest, CodeRunResult } from './types.js';
import type { WarmIsolate } from './warm-isolate.js';

/** Why the host stopped a run by disposing its isolate. */
export type StopReason = 'timeout' | 'abort' | 'closed';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs one request in a fresh context of a warm isolate. The isolate's own `timeout` stops
 * synchronous loops, including ones after an `await`; a host timer disposes the isolate for
 * everything else (a promise that never settles), and so do an abort and the pool closing.
 * After a timeout or a memory failure the isolate is disposed so the pool replaces it.
 *
 * @example
 * const result = await runInIsolate(warm, await warm.takeContext(), request, () => () => {});
 */
export async function runInIsolate(
  warm: WarmIsolate,
  context: ivm.Context,
  request: CodeRunRequest,
  track: (stop: (reason: StopReason) => void) => () => void,
): Promise<CodeRunResult> {
  const script = await compile(warm, request);
  try {
    context.global.setSync(INPUT_GLOBAL, request.input, { copy: true });
  } catch (error) {
    if (warm.isDisposed()) throw codeMemoryLimit(request.memoryMb);
    throw codeInputInvalid(messageOf(error));
  }

  let stopReason: StopReason | undefined;
  let wake = () => {};
  const stopped = new Promise<undefined>((resolve) => {
    wake = () => resolve(undefined);
  });
  const stop = (reason: StopReason) => {
    if (stopReason) return;
    stopReason = reason;
    warm.dispose();
    wake();
  };
  const timer = setTimeout(stop, request.timeoutMs, 'timeout');
  const onAbort = () => stop('abort');
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const untrack = track(stop);
  try {
    // The signal may have fired while this call waited for an isolate or compiled.
    if (request.signal?.aborted) stop('abort');
    const running: Promise<Outcome> = script
      .run(context, { promise: true, copy: true, timeout: request.timeoutMs })
      .then(
        (value: unknown) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error }),
      );
    const outcome = await Promise.race([running, stopped]);
    if (stopReason) throw stopError(stopReason, request);
    if (!outcome) throw codeTimeout(request.timeoutMs);
    if (outcome.ok) return readEnvelope(outcome.value);
    throw runFailure(outcome.error, warm, request);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
    untrack();
  }
}

async function compile(warm: WarmIsolate, request: CodeRunRequest): Promise<ivm.Script> {
  try {
    return await warm.script(request.code);
  } catch (error) {
    if (warm.isDisposed()) throw codeMemoryLimit(request.memoryMb);
    // isolated-vm appends the position as " [user-code.js:LINE:COLUMN]".
    const message = messageOf(error);
    const position = new RegExp(`\\s*\\[${USER_CODE_FILENAME.replaceAll('.', '\\.')}:(\\d+):\\d+\\]$`).exec(
      message,
    );
    const text = position ? message.slice(0, position.index) : message;
    const line = position ? Number(position[1]) : undefined;
    if (error instanceof Error && error.name === 'SyntaxError') {
      throw codeSyntaxError(text, line, countLines(request.code));
    }
    throw codeThrew(text, undefined, []);
  }
}

function stopError(reason: StopReason, request: CodeRunRequest): Error {
  if (reason === 'timeout') return codeTimeout(request.timeoutMs);
  if (reason === 'closed') return sandboxClosed(true);
  return abortError(request.signal ?? AbortSignal.abort());
}

function runFailure(error: unknown, warm: WarmIsolate, request: CodeRunRequest): WaybillError {
  const message = messageOf(error);
  if (/timed out/i.test(message)) {
    warm.dispose();
    return codeTimeout(request.timeoutMs);
  }
  if (warm.isDisposed() || /memory limit/i.test(message)) {
    warm.dispose();
    return codeMemoryLimit(request.memoryMb);
  }
  // Only reachable when user code tampered with the driver so its result cannot be copied.
  return codeThrew(message, undefined, []);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
