import type { NodeTypeManifest } from '@waybill/flow';
import type { DocumentLog, SequenceCounter } from './execution-records.js';

/**
 * The shapes the engine hands to connector code. connector-kit may not import the engine (the
 * dependency points the other way), so these repeat the field names of the engine's ports; the
 * engine's `ConnectorInvoker` accepts `createConnectorInvoker(...)` structurally.
 *
 * @example
 * const call: ConnectorCall = { type: 'http.request', manifest, config: { url: 'https://example.com' },
 *   input: { id: 1 }, idempotencyKey: 'ex-1/send', attempt: 1, executionId: 'ex-1', nodeId: 'send',
 *   stepKey: 'send', signal: new AbortController().signal, log: () => {} };
 */
export interface ConnectorCall {
  type: string;
  manifest: NodeTypeManifest;
  config: Record<string, unknown>;
  input: unknown;
  credential?: ResolvedCredential;
  /** Derived from the original execution and the step, so retries and replays reuse it. */
  idempotencyKey: string;
  attempt: number;
  executionId: string;
  nodeId: string;
  stepKey: string;
  signal: AbortSignal;
  log(line: LogLine): void;
  /** Store-backed counters for this step; in-memory ones when absent (test runs). */
  sequences?: SequenceCounter;
  /** Where this step's documents are kept; in memory when absent (test runs). */
  documents?: DocumentLog;
}

/**
 * A credential resolved for one call; values hold decrypted secrets and never reach history.
 *
 * @example
 * const credential: ResolvedCredential = { id: 'odoo-main', type: 'http-bearer',
 *   values: { token: 's3cret' }, secretFields: ['token'], allowedHosts: ['127.0.0.1:8069'] };
 */
export interface ResolvedCredential {
  id: string;
  type: string;
  values: Record<string, unknown>;
  /** Fields whose values are redacted wherever they might appear; all string fields when absent. */
  secretFields?: string[];
  /**
   * Hosts (`host` or `host:port`) this credential may reach even when they are private or loopback,
   * set by an admin on the credential record; simulators on 127.0.0.1 are reached this way.
   */
  allowedHosts?: string[];
}

/**
 * One line of a node's log, kept with its step in execution history.
 *
 * @example
 * call.log({ level: 'info', message: 'Sent 3 lines to Odoo.' });
 */
export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/**
 * What an operation gives back to the engine.
 *
 * @example
 * const result: ConnectorResult = { output: { id: 42 }, port: 'created' };
 */
export interface ConnectorResult {
  output: unknown;
  /** Output port; the manifest's default port when absent. */
  port?: string;
}
