import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { linkAbort } from './linked-abort.js';

describe('linked cancellation', () => {
  it('aborts every linked controller with the reason, except those already unlinked', () => {
    const caller = new AbortController();
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const unlinks = controllers.map((controller) => linkAbort(caller.signal, controller));
    unlinks[0]?.();
    const reason = new Error('stop');
    caller.abort(reason);
    expect(controllers[0]?.signal.aborted).toBe(false);
    expect(controllers.slice(1).every((controller) => controller.signal.reason === reason)).toBe(true);
  });

  it('aborts at once when the signal already has', () => {
    const caller = new AbortController();
    caller.abort('gone');
    const controller = new AbortController();
    linkAbort(caller.signal, controller);
    expect(controller.signal.reason).toBe('gone');
  });

  it('adds one listener to a shared signal however many requests use it', () => {
    const caller = new AbortController();
    const unlinks = Array.from({ length: 50 }, () => linkAbort(caller.signal, new AbortController()));
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    for (const unlink of unlinks) unlink();
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
  });
});
