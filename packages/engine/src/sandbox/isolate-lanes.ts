import { systemError } from '@waybill/connector-kit';
import { abortError, sandboxClosed } from './code-errors.js';
import { createWarmIsolate, type WarmIsolate } from './warm-isolate.js';

interface Waiter {
  resolve(warm: WarmIsolate): void;
  reject(error: unknown): void;
}

/** The isolates of one memory limit: a limit is fixed when an isolate is created. */
interface Lane {
  memoryMb: number;
  idle: WarmIsolate[];
  /** Idle plus busy isolates; never above the pool size. */
  live: number;
  waiters: Waiter[];
}

/**
 * Isolates grouped by memory limit, at most `size` per limit. A call takes one isolate for itself
 * and gives it back; when all are busy it queues, so CPU-heavy scripts never get more isolates
 * (threads) than configured.
 *
 * @example
 * const lanes = createIsolateLanes(2);
 * const warm = await lanes.acquire(64);
 * lanes.release(warm);
 */
export interface IsolateLanes {
  acquire(memoryMb: number, signal?: AbortSignal): Promise<WarmIsolate>;
  /** Back to the pool if healthy, else disposed so a new one is created when next needed. */
  release(warm: WarmIsolate): void;
  /** Rejects queued calls and disposes idle isolates; busy ones are disposed when released. */
  close(): void;
}

/**
 * Creates the lanes; isolates are created lazily, on first demand for a memory limit.
 *
 * @example
 * const lanes = createIsolateLanes(2);
 * lanes.close();
 */
export function createIsolateLanes(size: number): IsolateLanes {
  const lanes = new Map<number, Lane>();
  let closed = false;

  const laneFor = (memoryMb: number): Lane => {
    let lane = lanes.get(memoryMb);
    if (!lane) {
      lane = { memoryMb, idle: [], live: 0, waiters: [] };
      lanes.set(memoryMb, lane);
    }
    return lane;
  };

  const retire = (lane: Lane, warm: WarmIsolate) => {
    warm.dispose();
    lane.live -= 1;
  };

  /** An idle isolate (preferring one whose context is ready), a new one if below size, else none. */
  const take = (lane: Lane): WarmIsolate | undefined => {
    for (const warm of [...lane.idle]) {
      if (!warm.isHealthy()) {
        lane.idle.splice(lane.idle.indexOf(warm), 1);
        retire(lane, warm);
      }
    }
    const readyIndex = lane.idle.findIndex((warm) => warm.isReady());
    // Otherwise the longest idle one: its context has had the most time to get ready.
    const [warm] = lane.idle.splice(readyIndex === -1 ? 0 : readyIndex, 1);
    if (warm) return warm;
    if (lane.live >= size) return undefined;
    lane.live += 1;
    try {
      return createWarmIsolate(lane.memoryMb);
    } catch (error) {
      lane.live -= 1;
      throw systemError({
        code: 'SANDBOX_FAILED',
        message: `The code sandbox could not start an isolate: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const pump = (lane: Lane) => {
    while (lane.waiters.length > 0) {
      let warm: WarmIsolate | undefined;
      try {
        warm = take(lane);
      } catch (error) {
        lane.waiters.shift()?.reject(error);
        continue;
      }
      if (!warm) return;
      lane.waiters.shift()?.resolve(warm);
    }
  };

  return {
    acquire(memoryMb, signal) {
      if (closed) return Promise.reject(sandboxClosed(false));
      if (signal?.aborted) return Promise.reject(abortError(signal));
      const lane = laneFor(memoryMb);
      if (lane.waiters.length === 0) {
        const warm = take(lane);
        if (warm) return Promise.resolve(warm);
      }
      return new Promise<WarmIsolate>((resolve, reject) => {
        const onAbort = () => {
          const index = lane.waiters.indexOf(waiter);
          if (index !== -1) lane.waiters.splice(index, 1);
          reject(abortError(signal!));
        };
        const waiter: Waiter = {
          resolve: (warm) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(warm);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        lane.waiters.push(waiter);
      });
    },
    release(warm) {
      const lane = laneFor(warm.memoryMb);
      if (closed || !warm.isHealthy()) {
        retire(lane, warm);
      } else {
        warm.prepareNext();
        lane.idle.push(warm);
      }
      pump(lane);
    },
    close() {
      closed = true;
      for (const lane of lanes.values()) {
        for (const waiter of lane.waiters.splice(0)) waiter.reject(sandboxClosed(false));
        for (const warm of lane.idle.splice(0)) retire(lane, warm);
      }
    },
  };
}
