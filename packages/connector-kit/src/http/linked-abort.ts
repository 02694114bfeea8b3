/**
 * Many requests of one operation share its cancellation signal. A listener per request would pile
 * up on that signal (Node warns past ten) and AbortSignal.any is slow on the hot path, so each
 * shared signal gets one listener that aborts whichever request controllers are linked to it.
 */
const linked = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * Aborts `controller` with the signal's reason when `signal` aborts (at once if it already has);
 * returns the function that unlinks them, to call when the request is over.
 *
 * @example
 * const unlink = linkAbort(callerSignal, controller);
 * try { await send(controller.signal); } finally { unlink(); }
 */
export function linkAbort(signal: AbortSignal, controller: AbortController): () => void {
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => undefined;
  }
  let controllers = linked.get(signal);
  if (!controllers) {
    const created = new Set<AbortController>();
    signal.addEventListener(
      'abort',
      () => {
        for (const linkedController of created) linkedController.abort(signal.reason);
        created.clear();
      },
      { once: true },
    );
    linked.set(signal, created);
    controllers = created;
  }
  const set = controllers;
  set.add(controller);
  return () => {
    set.delete(controller);
  };
}
