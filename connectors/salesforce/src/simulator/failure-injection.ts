import { type Static, Type } from '@sinclair/typebox';
import type { ApiErrorItem } from './errors.js';

/**
 * Failures a test can ask of the next matching request(s):
 * - `http-500`: 500 UNKNOWN_EXCEPTION (Salesforce's own failure);
 * - `http-503`: 503 SERVER_UNAVAILABLE (maintenance, an instance refresh), with `Retry-After` when
 *   `retryAfterSeconds` is given;
 * - `session-expired`: 401 INVALID_SESSION_ID, and the presented token stops working, as when
 *   the org's session timeout passed;
 * - `request-limit`: 403 REQUEST_LIMIT_EXCEEDED ("TotalRequests Limit exceeded."), the org's
 *   rolling 24-hour API allowance used up;
 * - `lock-row`: 400 UNABLE_TO_LOCK_ROW, another transaction holding the record;
 * - `error`: any status and error array (`status`, `errorCode`, `message`, `fields`).
 * With `afterCommit`, the request runs and commits first and only its answer is replaced: the
 * "answer lost after the write" case a retry must not turn into a second record.
 *
 * @example
 * sim.failNext({ kind: 'request-limit', matchPath: '/query' });
 * sim.failNext({ kind: 'http-503', afterCommit: true, matchMethod: 'PATCH' });
 */
export const FailNextSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('http-500'),
      Type.Literal('http-503'),
      Type.Literal('session-expired'),
      Type.Literal('request-limit'),
      Type.Literal('lock-row'),
      Type.Literal('error'),
    ]),
    count: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Upper-case HTTP method; every method when absent. */
    matchMethod: Type.Optional(Type.String()),
    /** A substring of the request path, e.g. `/sobjects/Contact` or `/services/oauth2/token`. */
    matchPath: Type.Optional(Type.String()),
    afterCommit: Type.Optional(Type.Boolean()),
    retryAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
    status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599 })),
    errorCode: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
    fields: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

/**
 * A failure rule, as `sim.failNext` and `POST /__sim/fail-next` take it.
 *
 * @example
 * const rule: FailNextOptions = { kind: 'http-500', count: 2, matchPath: '/composite' };
 */
export type FailNextOptions = Static<typeof FailNextSchema>;

interface PendingRule extends FailNextOptions {
  remaining: number;
}

/**
 * The queue of failure rules; each request takes the oldest rule it matches.
 */
export class FailureInjector {
  private rules: PendingRule[] = [];

  add(rule: FailNextOptions): void {
    this.rules.push({ ...rule, remaining: rule.count ?? 1 });
  }

  take(method: string, path: string): FailNextOptions | undefined {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.matchMethod === undefined || candidate.matchMethod.toUpperCase() === method) &&
        (candidate.matchPath === undefined || path.includes(candidate.matchPath)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    const { remaining: _remaining, ...taken } = rule;
    return taken;
  }

  pending(): FailNextOptions[] {
    return this.rules.map(({ remaining, ...rule }) => ({ ...rule, count: remaining }));
  }

  clear(): void {
    this.rules = [];
  }
}

/**
 * The status, error array and headers a rule answers with.
 *
 * @example
 * failureAnswer({ kind: 'request-limit' });
 * // { status: 403, errors: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], headers: {} }
 */
export function failureAnswer(rule: FailNextOptions): {
  status: number;
  errors: ApiErrorItem[];
  headers: Record<string, string>;
} {
  const headers: Record<string, string> =
    rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) };
  const one = (status: number, errorCode: string, message: string, fields?: string[]) => ({
    status,
    errors: [{ message, errorCode, ...(fields ? { fields } : {}) }],
    headers,
  });
  switch (rule.kind) {
    case 'http-500':
      return one(
        500,
        'UNKNOWN_EXCEPTION',
        rule.message ??
          'An unexpected error occurred. Please include this ErrorId if you contact support: 1094582912-113471 (-1207893641)',
      );
    case 'http-503':
      return one(
        503,
        'SERVER_UNAVAILABLE',
        rule.message ?? 'Server temporarily unavailable, please try again later.',
      );
    case 'session-expired':
      return {
        ...one(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
        headers: { ...headers, 'www-authenticate': 'Token' },
      };
    case 'request-limit':
      return one(403, 'REQUEST_LIMIT_EXCEEDED', rule.message ?? 'TotalRequests Limit exceeded.');
    case 'lock-row':
      return one(
        400,
        'UNABLE_TO_LOCK_ROW',
        rule.message ?? 'unable to obtain exclusive access to this record or 1 records',
        [],
      );
    default:
      return one(
        rule.status ?? 400,
        rule.errorCode ?? 'UNKNOWN_EXCEPTION',
        rule.message ?? 'Simulated failure injected by the Salesforce simulator.',
        rule.fields,
      );
  }
}
