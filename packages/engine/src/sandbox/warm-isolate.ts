import ivm from 'isolated-vm';
import { BOOTSTRAP_SOURCE, USER_CODE_FILENAME, wrapUserCode } from './isolate-bootstrap.js';

/** Compiled user scripts kept per isolate; a flow has few code nodes and they run again and again. */
const SCRIPT_CACHE_SIZE = 32;

/**
 * Calls served before an isolate is retired. Contexts are freed only by V8's collector and
 * isolated-vm has known cases of retaining them, so a fresh isolate now and then bounds any slow
 * leak for about 1 ms of start-up.
 */
const MAX_USES = 5000;

/**
 * One isolate with a fixed memory limit, kept warm between calls. It always has the next call's
 * fresh context being prepared in the background (creating a context costs ~0.4 ms, most of a
 * call), so a call only waits for it when calls arrive back to back.
 *
 * @example
 * const warm = createWarmIsolate(64);
 * const context = await warm.takeContext();
 * const script = await warm.script('return 1');
 */
export interface WarmIsolate {
  readonly memoryMb: number;
  /** False once disposed (timeout, memory limit, abort, close) or when it has served its quota. */
  isHealthy(): boolean;
  isDisposed(): boolean;
  /** True when the next context is prepared, so a call on this isolate starts at once. */
  isReady(): boolean;
  /** Hands out the prepared fresh context (waiting for it if needed); each call gets its own. */
  takeContext(): Promise<ivm.Context>;
  /** The compiled user script, from the cache or compiled now; rejects with the parser's SyntaxError. */
  script(code: string): Promise<ivm.Script>;
  /** Starts preparing the next fresh context; call when the isolate goes back to the pool. */
  prepareNext(): void;
  /** Stops whatever runs in the isolate and frees it; safe to call more than once. */
  dispose(): void;
}

interface PreparedContext {
  context: Promise<ivm.Context>;
  isReady(): boolean;
}

/**
 * Releases a handle, ignoring that its isolate may already be gone.
 *
 * @example
 * releaseQuietly(context);
 */
export function releaseQuietly(handle: { release(): void } | undefined): void {
  try {
    handle?.release();
  } catch {
    // The isolate was disposed, which freed the handle already.
  }
}

/**
 * Creates the isolate and starts preparing its first context.
 *
 * @example
 * const warm = createWarmIsolate(16);
 * warm.dispose();
 */
export function createWarmIsolate(memoryMb: number): WarmIsolate {
  const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
  // Compiled once; a Script can run in any context of its isolate.
  const bootstrap = isolate.compileScriptSync(BOOTSTRAP_SOURCE, { filename: 'waybill-bootstrap.js' });
  const scripts = new Map<string, ivm.Script>();
  let uses = 0;

  const prepare = (): PreparedContext => {
    let ready = false;
    const context = (async () => {
      const created = await isolate.createContext();
      // Our own few microseconds of code: running it synchronously saves a thread hop (~75 µs).
      bootstrap.runSync(created);
      ready = true;
      return created;
    })();
    // Nobody may await it (the isolate can be disposed first); the taker sees the rejection.
    context.catch(() => undefined);
    return { context, isReady: () => ready };
  };
  let next: PreparedContext | undefined = prepare();

  const dispose = () => {
    scripts.clear();
    next = undefined;
    if (!isolate.isDisposed) {
      try {
        isolate.dispose();
      } catch {
        // Already being torn down by isolated-vm (memory limit); nothing left to free.
      }
    }
  };

  return {
    memoryMb,
    isHealthy: () => !isolate.isDisposed && uses < MAX_USES,
    isDisposed: () => isolate.isDisposed,
    isReady: () => next?.isReady() === true,
    async takeContext() {
      uses += 1;
      const pending = next ?? prepare();
      next = undefined;
      try {
        return await pending.context;
      } catch (error) {
        dispose();
        throw error;
      }
    },
    async script(code) {
      const cached = scripts.get(code);
      if (cached) {
        // Re-insert so the Map's order is least recently used first.
        scripts.delete(code);
        scripts.set(code, cached);
        return cached;
      }
      const script = await isolate.compileScript(wrapUserCode(code), { filename: USER_CODE_FILENAME });
      scripts.set(code, script);
      if (scripts.size > SCRIPT_CACHE_SIZE) {
        const [oldest] = scripts.keys();
        if (oldest !== undefined) {
          releaseQuietly(scripts.get(oldest));
          scripts.delete(oldest);
        }
      }
      return script;
    },
    prepareNext() {
      if (!next && !isolate.isDisposed) next = prepare();
    },
    dispose,
  };
}
