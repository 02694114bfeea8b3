import { Hono } from 'hono';
import { controlRoutes, type SimControl } from './protocol/control.js';
import { handleJsonRpc, rpcResult } from './protocol/json-rpc.js';
import { handleJson2, handleJson2Fallback } from './protocol/json2.js';
import { versionInfo, versionTuple } from './protocol/version.js';
import type { SimCore } from './sim-core.js';

/** The simulator's HTTP surface: Odoo's external API routes plus the simulator-only `/__sim/` routes. */
export function createSimulatorApp(core: SimCore, control: SimControl): Hono {
  const app = new Hono();
  app.get('/web/version', (c) =>
    c.json({ version_info: versionTuple(core.db()), version: core.db().version }),
  );
  app.get('/web/health', (c) => c.json({ status: 'pass' }));
  app.post('/web/webclient/version_info', async (c) =>
    c.json(rpcResult(await requestId(c.req.raw), versionInfo(core.db()))),
  );
  app.post('/web/database/list', async (c) =>
    c.json(rpcResult(await requestId(c.req.raw), [core.db().name])),
  );
  app.post('/jsonrpc', handleJsonRpc(core));
  app.all('/json/2/:model/:method', handleJson2(core));
  app.all('/json/2', handleJson2Fallback(core));
  app.all('/json/2/*', handleJson2Fallback(core));
  app.route('/__sim', controlRoutes(control));
  return app;
}

async function requestId(request: Request): Promise<string | number | null> {
  try {
    const body: unknown = JSON.parse(await request.text());
    if (typeof body === 'object' && body !== null && 'id' in body) {
      const id = body.id;
      return typeof id === 'string' || typeof id === 'number' ? id : null;
    }
  } catch {
    // Odoo would answer 400 here; a version probe does not need to be that strict.
  }
  return null;
}
