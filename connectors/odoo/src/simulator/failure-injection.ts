import { type Static, Type } from '@sinclair/typebox';
import type { OdooExceptionName } from './errors.js';

/**
 * What the next matching call(s) should suffer:
 * - `http-500`: an HTTP 500 (JSON-2: Odoo's JSON error body; JSON-RPC: the HTML page a crashed worker or
 *   proxy gives),
 * - `http-429`: Too Many Requests with `Retry-After`,
 * - `timeout`: no answer until the client gives up (or `hangMs`, then 504),
 * - `timeout-after-commit`: the call runs and commits, then the answer is lost the same way (a
 *   proxy that gave up while Odoo finished): what a retry must not turn into a second record,
 * - `jsonrpc-error`: an Odoo exception (default a UserError) in the protocol's own error shape,
 * - `session-expired`: JSON-RPC error code 100 / JSON-2 403 with `odoo.http.SessionExpiredException`.
 *
 * @example
 * const kind: FailureKind = 'http-429';
 */
export type FailureKind =
  | 'http-500'
  | 'http-429'
  | 'timeout'
  | 'timeout-after-commit'
  | 'jsonrpc-error'
  | 'session-expired';

export const FailNextSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('http-500'),
      Type.Literal('http-429'),
      Type.Literal('timeout'),
      Type.Literal('timeout-after-commit'),
      Type.Literal('jsonrpc-error'),
      Type.Literal('session-expired'),
    ]),
    count: Type.Optional(Type.Integer({ minimum: 1 })),
    retryAfterSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    matchModel: Type.Optional(Type.String()),
    matchMethod: Type.Optional(Type.String()),
    matchProtocol: Type.Optional(Type.Union([Type.Literal('jsonrpc'), Type.Literal('json2')])),
    exception: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
    hangMs: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/**
 * A failure rule: which calls it hits (model, method, protocol; all when unset), how many times, and how.
 *
 * @example
 * sim.failNext({ kind: 'http-429', retryAfterSeconds: 2, count: 3, matchMethod: 'create' });
 * sim.failNext({ kind: 'jsonrpc-error', exception: 'psycopg2.errors.SerializationFailure', message: 'could not serialize access' });
 * // or from another process: POST /__sim/fail-next with the same JSON
 */
export type FailNextOptions = Omit<Static<typeof FailNextSchema>, 'exception'> & {
  kind: FailureKind;
  /** For `jsonrpc-error`: the exception class to raise (default `odoo.exceptions.UserError`). */
  exception?: OdooExceptionName;
};

/** One RPC call as the injector sees it. */
export interface CallInfo {
  protocol: 'jsonrpc' | 'json2';
  service?: string;
  model?: string;
  method?: string;
}

export interface PendingFailure extends FailNextOptions {
  remaining: number;
}

/** A queue of failure rules, each consumed by the calls it matches. */
export class FailureInjector {
  private rules: PendingFailure[] = [];
  private hangs = new Set<() => void>();

  add(options: FailNextOptions): void {
    this.rules.push({ ...options, remaining: options.count ?? 1 });
  }

  /** The rule this call consumes, if any (the first matching one, oldest first). */
  take(call: CallInfo): PendingFailure | undefined {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.matchModel === undefined || candidate.matchModel === call.model) &&
        (candidate.matchMethod === undefined || candidate.matchMethod === call.method) &&
        (candidate.matchProtocol === undefined || candidate.matchProtocol === call.protocol),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return rule;
  }

  pending(): PendingFailure[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Drops pending rules and lets every hanging "timeout" request finish. */
  clear(): void {
    this.rules = [];
    for (const release of this.hangs) release();
    this.hangs.clear();
  }

  /** Waits like a server that never answers: until the client aborts, `ms` pass, or `clear()`. */
  hang(signal: AbortSignal | undefined, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.hangs.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done);
      this.hangs.add(done);
    });
  }
}

/**
 * Latency per request: a fixed delay or a uniform draw in [min, max] from a seeded generator.
 *
 * @example
 * const latency: LatencyOption = [10, 40];
 * sim.setLatency(latency);
 */
export type LatencyOption = number | readonly [number, number];

export function createLatency(option: LatencyOption | undefined): () => Promise<void> {
  let seed = 0x2f6b_4a1d;
  const random = () => {
    // mulberry32: deterministic, so a run with latency replays the same delays.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return () => {
    if (option === undefined) return Promise.resolve();
    const ms = typeof option === 'number' ? option : option[0] + random() * (option[1] - option[0]);
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  };
}
