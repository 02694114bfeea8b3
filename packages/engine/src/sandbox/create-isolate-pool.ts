import { systemError } from '@waybill/connector-kit';
import type ivm from 'isolated-vm';
import { abortError, codeLimitsInvalid, sandboxClosed } from './code-errors.js';
import { createIsolateLanes } from './isolate-lanes.js';
import { runInIsolate, type StopReason } from './run-in-isolate.js';
import type { CodeRunRequest, CodeSandbox } from './types.js';
import { releaseQuietly } from './warm-isolate.js';

/** isolated-vm refuses smaller heaps. */
const MIN_MEMORY_MB = 8;
/** setTimeout's ceiling; longer delays fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The code sandbox: a pool of warm isolates per memory limit, a fresh context for every call.
 *
 * @example
 * const sandbox = createIsolatePool({ size: 2 });
 * const { output, logs } = await sandbox.run({
 *   code: 'console.log("doubling"); return input.n * 2',
 *   input: { n: 21 },
 *   timeoutMs: 1000,
 *   memoryMb: 64,
 * });
 * // output: 42, logs: [{ level: 'log', message: 'doubling' }]
 * await sandbox.close();
 */
export function createIsolatePool(options: { size?: number } = {}): CodeSandbox {
  const size = options.size ?? 2;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError('The isolate pool size must be a whole number of at least 1.');
  const lanes = createIsolateLanes(size);
  const running = new Set<(reason: StopReason) => void>();
  let closed = false;

  const track = (stop: (reason: StopReason) => void) => {
    // close() may have happened while this call prepared its context or compiled.
    if (closed) stop('closed');
    running.add(stop);
    return () => {
      running.delete(stop);
    };
  };

  return {
    async run(request) {
      checkLimits(request);
      if (closed) throw sandboxClosed(false);
      if (request.signal?.aborted) throw abortError(request.signal);
      // One retry: a warm isolate can die between calls (e.g. its memory limit hit while its next
      // context was prepared); that is no fault of this call.
      for (let attempt = 1; ; attempt += 1) {
        const warm = await lanes.acquire(request.memoryMb, request.signal);
        let context: ivm.Context | undefined;
        try {
          context = await warm.takeContext();
        } catch (error) {
          lanes.release(warm);
          if (closed) throw sandboxClosed(false);
          if (attempt < 2) continue;
          throw systemError({
            code: 'SANDBOX_FAILED',
            message: `The code sandbox could not prepare a context: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
        try {
          return await runInIsolate(warm, context, request, track);
        } finally {
          releaseQuietly(context);
          lanes.release(warm);
        }
      }
    },
    async close() {
      closed = true;
      lanes.close();
      for (const stop of [...running]) stop('closed');
    },
  };
}

function checkLimits(request: CodeRunRequest): void {
  if (typeof request.code !== 'string') throw codeLimitsInvalid('the code must be a string');
  if (!Number.isInteger(request.memoryMb) || request.memoryMb < MIN_MEMORY_MB) {
    throw codeLimitsInvalid(
      `memoryMb must be a whole number of at least ${MIN_MEMORY_MB}, not ${request.memoryMb}`,
    );
  }
  if (!Number.isInteger(request.timeoutMs) || request.timeoutMs < 1 || request.timeoutMs > MAX_TIMEOUT_MS) {
    throw codeLimitsInvalid(
      `timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${request.timeoutMs}`,
    );
  }
}
