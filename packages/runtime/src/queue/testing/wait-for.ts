/**
 * Polls `check` until it returns a value other than undefined/false, or fails after timeoutMs with
 * the description — for tests that wait on asynchronous workers without fixed sleeps.
 *
 * @example
 * await waitFor(() => runs.length === 3, { description: 'three runs' });
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<Exclude<T, undefined | false>> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${options.description ?? 'a condition'}.`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 10));
  }
}

/**
 * A promise with its resolve function, for handlers that wait on the test.
 *
 * @example
 * const started = deferred(); consume(async () => { started.resolve(); ... }); await started.promise;
 */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Waits a fixed time; only where a test must prove something does not happen.
 *
 * @example
 * await sleep(50);
 */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
