import { Hono } from 'hono';
import { errorResponse } from '../errors.js';
import { API_VERSIONS, type SimCore } from '../sim-core.js';
import { userOf, versionOf } from './request.js';

/**
 * The org-level resources: the list of versions (`GET /services/data`, no token needed), the
 * resources of a version, and `limits` with the org's daily API allowance as the simulator counts
 * it.
 */
export function orgRoutes(core: SimCore): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error));

  app.get('/services/data', (c) => {
    const versions = [];
    for (let major = API_VERSIONS.min; major <= API_VERSIONS.max; major++) {
      versions.push({ label: releaseLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0` });
    }
    return c.json(versions);
  });

  app.get('/services/data/:version', (c) => {
    userOf(core, c);
    const base = `/services/data/v${versionOf(c)}`;
    return c.json({
      limits: `${base}/limits`,
      sobjects: `${base}/sobjects`,
      query: `${base}/query`,
      composite: `${base}/composite`,
    });
  });

  app.get('/services/data/:version/limits', (c) => {
    userOf(core, c);
    versionOf(c);
    const { used, max } = core.usage;
    return c.json({
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
      DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 },
      DataStorageMB: { Max: 5, Remaining: 5 },
      FileStorageMB: { Max: 20, Remaining: 20 },
    });
  });

  return app;
}

/**
 * The release name of an API version: three releases a year, v60.0 being Spring '24.
 *
 * @example
 * releaseLabel(60); // "Spring '24"
 * releaseLabel(62); // "Winter '25"
 */
export function releaseLabel(major: number): string {
  const step = major - 60;
  const season = ((step % 3) + 3) % 3;
  const year = 24 + Math.floor(step / 3) + (season === 2 ? 1 : 0);
  return `${['Spring', 'Summer', 'Winter'][season]} '${String(year).padStart(2, '0')}`;
}
