import type { RecordStore } from './data/store.js';
import type { FailureInjector } from './failure-injection.js';
import type { SessionStore, SimClient } from './oauth/sessions.js';
import type { QueryCursors } from './rest/query-cursors.js';

/**
 * One request the simulator answered, for tests that assert what a connector did (`sim.calls`,
 * `GET /__sim/calls`). Bodies are not kept: they may hold secrets (the token endpoint's form).
 *
 * @example
 * const upserts = sim.calls.filter((call: CallLogEntry) => call.method === 'PATCH');
 */
export interface CallLogEntry {
  at: string;
  method: string;
  path: string;
  status: number;
  outcome: 'ok' | 'error' | 'injected';
  errorCode?: string;
}

/**
 * What the route modules share.
 *
 * @example
 * const core: SimCore = createCore(options); // inside createSalesforceSimulator
 */
export interface SimCore {
  store: RecordStore;
  sessions: SessionStore;
  clients: SimClient[];
  cursors: QueryCursors;
  failures: FailureInjector;
  now(): Date;
  orgId: string;
  /** User ids by username (lower case). */
  users: Map<string, string>;
  usage: { used: number; max: number };
  maxQueryBatchSize: number;
  log(entry: Omit<CallLogEntry, 'at'>): void;
}

export const MAX_CALL_LOG = 2000;

/**
 * The lowest and highest REST API versions the simulator answers (v31.0 is the oldest Salesforce
 * still serves; v62.0 is Winter '25).
 *
 * @example
 * API_VERSIONS.max; // 62
 */
export const API_VERSIONS = { min: 31, max: 62 } as const;
