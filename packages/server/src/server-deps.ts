import type { ConnectorRuntime } from '@waybill/connector-kit';
import type { Engine } from '@waybill/engine';
import type { NodeCatalog } from '@waybill/flow';
import type {
  ConcurrencyLimiter,
  ExecutionEvents,
  OutboxRelay,
  QueueDriver,
  RevisionCache,
} from '@waybill/runtime';
import type { Store } from '@waybill/store';
import type { RateCounters } from './auth/rate-counters.js';
import type { Metrics } from './metrics/prometheus-metrics.js';

export interface ServerLimits {
  /** Largest webhook or API body accepted, in bytes. */
  maxBodyBytes: number;
  /** Intake answers 503 when more jobs than this are waiting. */
  maxQueueDepth: number;
  /** How long a synchronous webhook waits for its Respond node. */
  respondTimeoutMs: number;
}

/** Sign-in, sessions and API request limits. */
export interface AuthSettings {
  /** How long a browser session lasts after sign-in. */
  sessionHours: number;
  /** Requests per minute per API token or session; 0 for no limit. */
  apiRequestsPerMinute: number;
  /** Failed sign-ins per account, and per client address, within the window before waiting. */
  signInFailuresPerAccount: number;
  signInFailuresPerAddress: number;
  signInWindowSeconds: number;
  /** Read the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
}

export const defaultAuth: AuthSettings = {
  sessionHours: 12,
  apiRequestsPerMinute: 1200,
  signInFailuresPerAccount: 5,
  signInFailuresPerAddress: 20,
  signInWindowSeconds: 15 * 60,
  trustProxy: false,
};

/** Everything the HTTP layer needs, created once at start and passed in (no module-level state). */
export interface ServerDeps {
  store: Store;
  engine: Engine;
  catalog: NodeCatalog;
  /** The installed connectors: credential types and their tests. */
  invoker: ConnectorRuntime;
  queue: QueueDriver;
  relay: OutboxRelay;
  /** Flow and credential concurrency limits (in memory for one process, Redis when scaled out). */
  limiter: ConcurrencyLimiter;
  events: ExecutionEvents;
  revisions: RevisionCache;
  limits: ServerLimits;
  auth: AuthSettings;
  metrics: Metrics;
  version: string;
  now: () => number;
  /** Counters of the sign-in throttle and API rate limit (in memory unless Redis is configured). */
  rateCounters?: RateCounters;
  /** Browser origins allowed to call the API cross-site; absent or empty keeps CORS closed. */
  corsOrigins?: readonly string[];
}

export const defaultLimits: ServerLimits = {
  maxBodyBytes: 1024 * 1024,
  maxQueueDepth: 100_000,
  respondTimeoutMs: 30_000,
};
