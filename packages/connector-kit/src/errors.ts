/**
 * The one error taxonomy of Waybill. Every failure a node can have is described by an ErrorInfo,
 * so execution history, retries and the dead-letter inbox treat all of them alike.
 *
 * - user: the flow or its data is wrong (bad mapping, invalid order); retrying will not help.
 * - connector: the external system refused or failed (429, 5xx, validation error upstream).
 * - system: Waybill itself or the network failed (timeout, crash); usually retryable.
 *
 * @example
 * throw new WaybillError({ kind: 'connector', code: 'RATE_LIMITED', message: 'Odoo asked us to slow down.',
 *   retryable: true, upstream: { status: 429, body: '{"error":"too many requests"}' } });
 */

export type ErrorKind = 'user' | 'connector' | 'system';

export interface UpstreamInfo {
  /** HTTP status, or the upstream's own error code when it has no HTTP status. */
  status?: number;
  code?: string;
  /** The start of the upstream body, at most a few kilobytes, secrets removed. */
  body?: string;
}

export interface ErrorInfo {
  kind: ErrorKind;
  /** Stable, upper snake case, e.g. EXPRESSION_TIMEOUT. */
  code: string;
  /** A sentence a support person can act on. */
  message: string;
  retryable: boolean;
  upstream?: UpstreamInfo;
  /** Structured extras, e.g. the list of schema violations. */
  details?: unknown;
  /** Delay the upstream asked for (Retry-After), in milliseconds. */
  retryAfterMs?: number;
}

export class WaybillError extends Error {
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'WaybillError';
    this.info = info;
  }
}

type ErrorInit = Omit<ErrorInfo, 'kind' | 'retryable'> & { retryable?: boolean };

/** The flow or its data is wrong; never retryable. */
export const userError = (init: Omit<ErrorInit, 'retryable'>): WaybillError =>
  new WaybillError({ ...init, kind: 'user', retryable: false });

/** The external system failed or refused; retryable unless said otherwise. */
export const connectorError = (init: ErrorInit): WaybillError =>
  new WaybillError({ retryable: true, ...init, kind: 'connector' });

/** Waybill or the network failed; retryable unless said otherwise. */
export const systemError = (init: ErrorInit): WaybillError =>
  new WaybillError({ retryable: true, ...init, kind: 'system' });

export function isWaybillError(error: unknown): error is WaybillError {
  return error instanceof WaybillError;
}

/**
 * Describes anything thrown as an ErrorInfo. Unknown errors become system errors whose message is
 * the thrown message only: stacks never reach execution history.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof WaybillError) return error.info;
  if (error instanceof Error) {
    if (error.name === 'AbortError') {
      return { kind: 'system', code: 'CANCELLED', message: 'The execution was cancelled.', retryable: false };
    }
    return { kind: 'system', code: 'INTERNAL', message: sentence(error.message), retryable: true };
  }
  return { kind: 'system', code: 'INTERNAL', message: sentence(String(error)), retryable: true };
}

function sentence(text: string): string {
  const trimmed = text.trim() || 'An unknown error occurred';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
