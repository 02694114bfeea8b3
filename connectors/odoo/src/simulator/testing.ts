import type { Hono } from 'hono';

/** Small HTTP callers for the simulator's own tests; they speak the wire protocols, nothing more. */
export interface RpcAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function jsonRpc(app: Hono) {
  let id = 0;
  const call = async (service: string, method: string, args: unknown[]): Promise<RpcAnswer> => {
    id += 1;
    const response = await app.request('/jsonrpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service, method, args }, id }),
    });
    return { status: response.status, body: objectOf(await response.json()) };
  };
  return {
    call,
    /** object.execute_kw as `uid` (admin by default). */
    execute: (
      model: string,
      method: string,
      args: unknown[] = [],
      kwargs: Record<string, unknown> = {},
      as = { uid: 2, password: 'admin' },
    ) => call('object', 'execute_kw', ['waybill', as.uid, as.password, model, method, args, kwargs]),
    /** The result, or a thrown error with the JSON-RPC error data when the call failed. */
    result: async (
      model: string,
      method: string,
      args: unknown[] = [],
      kwargs: Record<string, unknown> = {},
    ) => {
      const answer = await call('object', 'execute_kw', ['waybill', 2, 'admin', model, method, args, kwargs]);
      if ('error' in answer.body) throw new Error(JSON.stringify(answer.body.error));
      return answer.body.result;
    },
  };
}

export interface Json2Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** `key: null` sends no Authorization header. */
export function json2(app: Hono, key: string | null = 'sim-admin-key') {
  return async (
    model: string,
    method: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Json2Answer> => {
    const response = await app.request(`/json/2/${model}/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key === null ? {} : { authorization: `bearer ${key}` }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      headers: response.headers,
      body: json && text ? JSON.parse(text) : text,
    };
  };
}

/** A clock tests move by hand, so write_date assertions are exact. */
export function manualClock(start = '2026-03-02T09:00:00Z') {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance: (seconds: number) => {
      current = new Date(current.getTime() + seconds * 1000);
    },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface RpcErrorShape {
  code: number;
  message: string;
  data: Record<string, unknown>;
}

/** The `error` member of a JSON-RPC answer, checked rather than cast. */
export function rpcErrorOf(body: Record<string, unknown>): RpcErrorShape {
  const error = body.error;
  if (
    !isObject(error) ||
    typeof error.code !== 'number' ||
    typeof error.message !== 'string' ||
    !isObject(error.data)
  ) {
    throw new Error(`expected a JSON-RPC error, got ${JSON.stringify(body)}`);
  }
  return { code: error.code, message: error.message, data: error.data };
}

/** A list of records (search_read / read results), checked rather than cast. */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value) || !value.every(isObject))
    throw new Error(`expected records, got ${JSON.stringify(value)}`);
  return value;
}

export function objectOf(value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value;
}

/** An x2many value (a list of ids), checked rather than cast. */
export function idsOf(value: unknown): number[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number'))
    throw new Error(`expected ids, got ${JSON.stringify(value)}`);
  return value;
}
