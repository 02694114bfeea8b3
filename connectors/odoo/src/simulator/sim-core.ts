import { OdooError, type OdooExceptionName } from './errors.js';
import type { CallInfo, FailureInjector, PendingFailure } from './failure-injection.js';
import type { Database } from './orm/types.js';

/**
 * One RPC call, for tests that assert what a connector did (`sim.calls`, `GET /__sim/calls`).
 *
 * @example
 * const creates = sim.calls.filter((entry: CallLogEntry) => entry.model === 'sale.order' && entry.method === 'create');
 * expect(creates).toHaveLength(1); // the retry did not create a second order
 */
export interface CallLogEntry {
  at: string;
  protocol: 'jsonrpc' | 'json2';
  service?: string;
  model?: string;
  method?: string;
  uid?: number;
  outcome: 'ok' | 'error' | 'injected';
  error?: string;
}

/** What the protocol handlers share: the current database, failure rules, latency and the call log. */
export interface SimCore {
  db(): Database;
  readonly failures: FailureInjector;
  latency(): Promise<void>;
  log(entry: Omit<CallLogEntry, 'at'>): void;
}

export const MAX_CALL_LOG = 2000;

/** The exception a `jsonrpc-error` / `session-expired` rule raises. */
export function injectedException(rule: PendingFailure): OdooError {
  if (rule.kind === 'session-expired') {
    return new OdooError('odoo.http.SessionExpiredException', rule.message ?? 'Session expired');
  }
  const name: OdooExceptionName = rule.exception ?? 'odoo.exceptions.UserError';
  return new OdooError(name, rule.message ?? 'Simulated failure injected by the Odoo simulator.');
}

export function consumeFailure(core: SimCore, call: CallInfo): PendingFailure | undefined {
  const rule = core.failures.take(call);
  if (rule) core.log({ ...call, outcome: 'injected', error: rule.kind });
  return rule;
}

/** An HTML error page like werkzeug's, which is what a proxy or a crashed worker puts in front of /jsonrpc. */
export function htmlError(status: number, title: string, description: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`;
}
