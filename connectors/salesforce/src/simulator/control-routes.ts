import { Value } from '@sinclair/typebox/value';
import { Hono } from 'hono';
import { type FailNextOptions, FailNextSchema } from './failure-injection.js';
import type { CallLogEntry } from './sim-core.js';

/**
 * What the control routes drive; the simulator object implements it.
 *
 * @example
 * const control: SimControl = sim;
 */
export interface SimControl {
  failNext(rule: FailNextOptions): void;
  clearFailures(): void;
  pendingFailures(): FailNextOptions[];
  reset(options?: { seed?: boolean }): void;
  expireTokens(): number;
  setClock(now: Date | undefined): void;
  dump(objects: string[] | undefined): Record<string, unknown[]>;
  readonly calls: readonly CallLogEntry[];
  clearCalls(): void;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  return text.trim() === '' ? {} : JSON.parse(text);
}

/**
 * Simulator-only routes under `/__sim/` for tests and demos in another process; nothing like them
 * exists in Salesforce, hence the prefix.
 *
 * @example
 * await fetch(`${url}/__sim/fail-next`, { method: 'POST', body: JSON.stringify({ kind: 'session-expired' }) });
 */
export function controlRoutes(control: SimControl): Hono {
  const routes = new Hono();
  routes.get('/', (c) =>
    c.json({
      routes: [
        'POST /__sim/reset',
        'POST|DELETE /__sim/fail-next',
        'POST /__sim/expire-tokens',
        'POST /__sim/clock',
        'GET /__sim/state?objects=Account,Contact',
        'GET|DELETE /__sim/calls',
      ],
    }),
  );
  routes.post('/reset', async (c) => {
    const body = await readJson(c.req.raw).catch(() => ({}));
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
    control.failNext(body);
    return c.json({ pending: control.pendingFailures() });
  });
  routes.delete('/fail-next', (c) => {
    control.clearFailures();
    return c.json({ pending: [] });
  });
  routes.post('/expire-tokens', (c) => c.json({ expired: control.expireTokens() }));
  routes.post('/clock', async (c) => {
    const body = await readJson(c.req.raw).catch(() => undefined);
    const now = typeof body === 'object' && body !== null && 'now' in body ? body.now : undefined;
    if (now === null || now === undefined) {
      control.setClock(undefined);
      return c.json({ now: null });
    }
    const at = typeof now === 'string' ? new Date(now) : new Date(Number.NaN);
    if (Number.isNaN(at.getTime()))
      return c.json({ error: 'now must be an ISO 8601 date-time or null' }, 400);
    control.setClock(at);
    return c.json({ now: at.toISOString() });
  });
  routes.get('/state', (c) => {
    const objects = c.req
      .query('objects')
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    return c.json(control.dump(objects));
  });
  routes.get('/calls', (c) => c.json(control.calls));
  routes.delete('/calls', (c) => {
    control.clearCalls();
    return c.json({ cleared: true });
  });
  return routes;
}
