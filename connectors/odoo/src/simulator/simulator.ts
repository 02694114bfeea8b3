import type { Hono } from 'hono';
import { createSimulatorApp } from './app.js';
import { createDatabase } from './database.js';
import { OdooError } from './errors.js';
import {
  createLatency,
  type FailNextOptions,
  FailureInjector,
  type LatencyOption,
} from './failure-injection.js';
import { isVals } from './orm/args.js';
import { executeKw } from './orm/execute-kw.js';
import { fieldNames, type ReadRecord, readRow } from './orm/read.js';
import { findModel } from './orm/registry.js';
import { searchRows } from './orm/search.js';
import type { Database, Env, ServerVersion } from './orm/types.js';
import type { SimControl } from './protocol/control.js';
import { type CallLogEntry, MAX_CALL_LOG, type SimCore } from './sim-core.js';

/**
 * The models the simulator serves (wizards included).
 *
 * @example
 * const model: SimModelName = 'sale.order';
 * sim.records(model, [['state', '=', 'sale']]);
 */
export type SimModelName =
  | 'res.partner'
  | 'res.company'
  | 'res.users'
  | 'res.country'
  | 'res.country.state'
  | 'res.currency'
  | 'uom.category'
  | 'uom.uom'
  | 'product.category'
  | 'product.template'
  | 'product.product'
  | 'product.pricelist'
  | 'account.tax'
  | 'stock.location'
  | 'stock.warehouse'
  | 'stock.picking.type'
  | 'stock.quant'
  | 'stock.move.line'
  | 'stock.move'
  | 'stock.picking'
  | 'stock.backorder.confirmation'
  | 'stock.return.picking'
  | 'stock.return.picking.line'
  | 'sale.order'
  | 'sale.order.line'
  | 'sale.order.cancel'
  | 'sale.advance.payment.inv'
  | 'account.journal'
  | 'account.move'
  | 'account.move.line'
  | 'account.payment'
  | 'account.payment.register'
  | 'account.move.reversal';

/**
 * How a simulator behaves; every option has a default.
 *
 * @example
 * const options: OdooSimulatorOptions = { serverVersion: '17.0', latencyMs: [5, 20], seed: true, invoicePaidState: 'in_payment' };
 * createOdooSimulator(options);
 */
export interface OdooSimulatorOptions {
  /** Delay before each Odoo API answer: milliseconds, or a `[min, max]` range (deterministic draws). */
  latencyMs?: LatencyOption;
  /** Load the demo business (products, stock, customers); base data is always there. Default true. */
  seed?: boolean;
  /** The clock behind create_date / write_date / order dates. Default: the real clock. */
  now?: () => Date;
  /** The Odoo release to impersonate. Default '19.0' (JSON-2 exists from 19 only). */
  serverVersion?: ServerVersion;
  /** payment_state of a fully paid invoice; real Odoo shows 'in_payment' until bank reconciliation. */
  invoicePaidState?: 'paid' | 'in_payment';
}

/**
 * Who runs an in-process `execute` call, and with which extra context.
 *
 * @example
 * sim.execute('res.partner', 'create', [{ name: 'x' }], {}, { uid: 6 }); // throws the read-only user's AccessError
 */
export interface ExecuteOptions {
  uid?: number;
  context?: Record<string, unknown>;
}

/**
 * A running simulator: its Hono app and the test hooks around it.
 *
 * @example
 * const sim = createOdooSimulator();
 * sim.failNext({ kind: 'session-expired', matchModel: 'sale.order' });
 * sim.execute('sale.order', 'search', [[]]); // in-process calls are never failed
 * sim.records('stock.picking', [['state', '=', 'assigned']]);
 * sim.reset();
 */
export interface OdooSimulator {
  /** The Hono app serving `/jsonrpc`, `/json/2/...`, `/web/version` and `/__sim/...`. */
  readonly app: Hono;
  readonly database: string;
  readonly serverVersion: ServerVersion;
  /** Makes the next matching call(s) fail; see FailNextOptions. */
  failNext(options: FailNextOptions): void;
  clearFailures(): void;
  /** Back to a freshly seeded database; pending failures and the call log are dropped too. */
  reset(options?: { seed?: boolean }): void;
  setLatency(latency: LatencyOption | undefined): void;
  /** Records of a model as `read()` returns them (archived ones included), optionally filtered by a domain. */
  records(model: SimModelName, domain?: unknown[]): ReadRecord[];
  /** Runs a method in-process like `execute_kw` (as admin unless `uid` says otherwise); throws OdooError. */
  execute(
    model: SimModelName,
    method: string,
    args?: unknown[],
    kwargs?: Record<string, unknown>,
    options?: ExecuteOptions,
  ): unknown;
  /** Every Odoo API call served so far (latest 2000). */
  readonly calls: readonly CallLogEntry[];
  clearCalls(): void;
}

/**
 * An in-memory Odoo speaking JSON-RPC (`/jsonrpc`) and JSON-2 (`/json/2/<model>/<method>`), seeded with a
 * small distribution business.
 *
 * @example
 * const sim = createOdooSimulator({ now: () => new Date('2026-03-02T10:00:00Z') });
 * const response = await sim.app.request('/json/2/res.partner/search_read', {
 *   method: 'POST',
 *   headers: { authorization: 'bearer sim-admin-key', 'content-type': 'application/json' },
 *   body: JSON.stringify({ domain: [['ref', '=', 'CUST-0001']], fields: ['name'] }),
 * });
 * await response.json(); // [{ id: 5, name: 'Acme Retail Inc.' }]
 */
export function createOdooSimulator(options: OdooSimulatorOptions = {}): OdooSimulator {
  const serverVersion = options.serverVersion ?? '19.0';
  const now = options.now ?? (() => new Date());
  const settings = { invoicePaidState: options.invoicePaidState ?? 'paid' };
  const build = (seed: boolean): Database =>
    createDatabase({ version: serverVersion, now, demoData: seed, settings });
  let db = build(options.seed ?? true);
  let latency = createLatency(options.latencyMs);
  const failures = new FailureInjector();
  const calls: CallLogEntry[] = [];

  const core: SimCore = {
    db: () => db,
    failures,
    latency: () => latency(),
    log: (entry) => {
      calls.push({ at: now().toISOString(), ...entry });
      if (calls.length > MAX_CALL_LOG) calls.splice(0, calls.length - MAX_CALL_LOG);
    },
  };

  const records = (model: string, domain: unknown[] = []): ReadRecord[] => {
    const def = findModel(db, model);
    if (!def) throw new OdooError('odoo.exceptions.UserError', `Object ${model} doesn't exist`);
    const env: Env = { db, uid: 2, context: { active_test: false }, su: true };
    const names = fieldNames(def, undefined);
    return searchRows(env, def, domain, { order: 'id' }).map((row) =>
      readRow(env, def, row, names, '_classic_read'),
    );
  };

  const control: SimControl = {
    failNext: (rule) => failures.add(rule),
    clearFailures: () => failures.clear(),
    pendingFailures: () => failures.pending(),
    reset: (resetOptions) => {
      failures.clear();
      calls.length = 0;
      db = build(resetOptions?.seed ?? options.seed ?? true);
    },
    setLatency: (value) => {
      latency = createLatency(value);
    },
    dump: (models) => {
      const names =
        models ??
        [...db.registry.values()].filter((def) => !def.hidden && !def.transient).map((def) => def.name);
      return Object.fromEntries(names.map((name) => [name, records(name)]));
    },
    calls,
    clearCalls: () => {
      calls.length = 0;
    },
  };

  return {
    app: createSimulatorApp(core, control),
    database: db.name,
    serverVersion,
    failNext: control.failNext,
    clearFailures: control.clearFailures,
    reset: control.reset,
    setLatency: control.setLatency,
    records,
    execute: (model, method, args = [], kwargs = {}, executeOptions = {}) => {
      const context = { ...(isVals(kwargs.context) ? kwargs.context : {}), ...executeOptions.context };
      return executeKw(db, executeOptions.uid ?? 2, model, method, args, { ...kwargs, context });
    },
    calls,
    clearCalls: control.clearCalls,
  };
}
