import { Value } from '@sinclair/typebox/value';
import { Hono } from 'hono';
import { isOdooExceptionName } from '../errors.js';
import { type FailNextOptions, FailNextSchema, type LatencyOption } from '../failure-injection.js';
import type { CallLogEntry } from '../sim-core.js';

/** What the control routes drive; the simulator object implements it. */
export interface SimControl {
  failNext(options: FailNextOptions): void;
  clearFailures(): void;
  pendingFailures(): unknown[];
  reset(options?: { seed?: boolean }): void;
  setLatency(latency: LatencyOption | undefined): void;
  dump(models: string[] | undefined): Record<string, unknown[]>;
  readonly calls: readonly CallLogEntry[];
  clearCalls(): void;
}

const readJson = async (request: Request): Promise<unknown> => {
  const text = await request.text();
  if (text.trim() === '') return {};
  return JSON.parse(text);
};

const isLatency = (value: unknown): value is LatencyOption =>
  typeof value === 'number' ||
  (Array.isArray(value) && value.length === 2 && value.every((item) => typeof item === 'number'));

/**
 * Simulator-only routes under `/__sim/` for tests running in another process: nothing like them exists
 * in Odoo, hence the prefix.
 */
export function controlRoutes(control: SimControl): Hono {
  const routes = new Hono();
  routes.get('/', (c) =>
    c.json({
      routes: [
        'POST /__sim/reset',
        'POST|DELETE /__sim/fail-next',
        'GET /__sim/state?models=a,b',
        'GET|DELETE /__sim/calls',
        'POST /__sim/latency',
      ],
    }),
  );
  routes.post('/reset', async (c) => {
    const body = await readJson(c.req.raw).catch(() => undefined);
    const seed = typeof body === 'object' && body !== null && 'seed' in body ? body.seed !== false : true;
    control.reset({ seed });
    return c.json({ reset: true, seed });
  });
  routes.post('/fail-next', async (c) => {
    const body = await readJson(c.req.raw).catch(() => undefined);
    if (!Value.Check(FailNextSchema, body)) {
      const first = [...Value.Errors(FailNextSchema, body)][0];
      return c.json(
        {
          error: `Invalid failure rule: ${first ? `${first.path || '/'} ${first.message}` : 'expected an object'}`,
        },
        400,
      );
    }
    const { exception, ...rest } = body;
    if (exception !== undefined && !isOdooExceptionName(exception)) {
      return c.json({ error: `Invalid failure rule: unknown exception ${exception}` }, 400);
    }
    const rule: FailNextOptions = exception ? { ...rest, exception } : rest;
    control.failNext(rule);
    return c.json({ pending: control.pendingFailures() });
  });
  routes.delete('/fail-next', (c) => {
    control.clearFailures();
    return c.json({ pending: [] });
  });
  routes.get('/state', (c) => {
    const models = c.req
      .query('models')
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    return c.json(control.dump(models));
  });
  routes.get('/calls', (c) => c.json(control.calls));
  routes.delete('/calls', (c) => {
    control.clearCalls();
    return c.json({ cleared: true });
  });
  routes.post('/latency', async (c) => {
    const body = await readJson(c.req.raw).catch(() => undefined);
    const latency =
      typeof body === 'object' && body !== null && 'latencyMs' in body ? body.latencyMs : undefined;
    if (latency !== undefined && latency !== null && !isLatency(latency)) {
      return c.json({ error: 'latencyMs must be a number of milliseconds or a [min, max] pair' }, 400);
    }
    control.setLatency(latency ?? undefined);
    return c.json({ latencyMs: latency ?? null });
  });
  return routes;
}
