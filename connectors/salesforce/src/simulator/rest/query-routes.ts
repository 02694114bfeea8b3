import { Hono } from 'hono';
import { badRequest, errorResponse } from '../errors.js';
import type { SimCore } from '../sim-core.js';
import { renderRow } from '../soql/render.js';
import { runSoql } from '../soql/run.js';
import { userOf, versionOf } from './request.js';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;

/**
 * `GET /services/data/vXX.X/query?q=<SOQL>` and `GET /services/data/vXX.X/query/<locator>-<offset>`.
 * The batch size comes from `Sforce-Query-Options: batchSize=<n>` (200 to 2000, 2000 by default,
 * values outside raised or lowered into that range as Salesforce does), then capped by the
 * simulator's `maxQueryBatchSize` so tests can page through a handful of records: Salesforce
 * documents the batch size as a request it need not honour exactly.
 */
export function queryRoutes(core: SimCore): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error));

  app.get('/services/data/:version/query', (c) => {
    userOf(core, c);
    const version = versionOf(c);
    const soql = c.req.query('q');
    if (soql === undefined || soql.trim() === '') {
      throw badRequest('MALFORMED_QUERY', 'A query string has to be specified');
    }
    const result = runSoql(soql, core.store);
    if (result.select === 'count') {
      return c.json({ totalSize: result.rows.length, done: true, records: [] });
    }
    const { select } = result;
    const records = result.rows.map((row) => renderRow(version, core.store, result.object, row, select));
    const batch = batchSizeOf(c.req.header('sforce-query-options'), core.maxQueryBatchSize);
    return c.json(core.cursors.first(version, records, batch));
  });

  app.get('/services/data/:version/query/:locator', (c) => {
    userOf(core, c);
    return c.json(core.cursors.next(versionOf(c), c.req.param('locator')));
  });

  return app;
}

/**
 * The batch size a query answers in.
 *
 * @example
 * batchSizeOf('batchSize=500', 2000); // 500
 * batchSizeOf('batchSize=5', 2000);   // 200
 * batchSizeOf(undefined, 3);          // 3
 */
export function batchSizeOf(header: string | undefined, cap: number): number {
  const asked = Number(/batchSize\s*=\s*(\d+)/i.exec(header ?? '')?.[1] ?? DEFAULT_BATCH);
  const bounded = Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, asked));
  return Math.max(1, Math.min(bounded, cap));
}
